package io.emporium.inventory;

import org.springframework.modulith.events.Externalized;

/**
 * Availability of a SKU fell to the low-stock threshold or below (published once when
 * crossing it, not on every sale).
 */
@Externalized
public record StockLow(String sku, int available) {
}
