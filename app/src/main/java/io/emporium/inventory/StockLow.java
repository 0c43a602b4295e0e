package io.emporium.inventory;

/**
 * Availability of a SKU fell to the low-stock threshold or below (published once when
 * crossing it, not on every sale).
 */
public record StockLow(String sku, int available) {
}
