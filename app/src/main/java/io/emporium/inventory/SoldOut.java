package io.emporium.inventory;

/** The last available unit of a SKU was reserved. */
public record SoldOut(String sku) {
}
