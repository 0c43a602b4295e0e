package io.emporium.catalog;

import io.emporium.platform.Money;

/** The price of one variant changed. */
public record PriceChanged(String sku, String productSlug, Money oldPrice, Money newPrice) {
}
