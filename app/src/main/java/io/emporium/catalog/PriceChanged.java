package io.emporium.catalog;

import io.emporium.platform.Money;

import org.springframework.modulith.events.Externalized;

/** The price of one variant changed. */
@Externalized
public record PriceChanged(String sku, String productSlug, Money oldPrice, Money newPrice) {
}
