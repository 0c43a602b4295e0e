package io.emporium.inventory;

/** How many units of a SKU are physically on hand in one warehouse. */
public record StockCount(String sku, String warehouse, int onHand) {

	public StockCount {
		if (sku.isBlank()) {
			throw new IllegalArgumentException("blank SKU");
		}
		if (onHand < 0) {
			throw new IllegalArgumentException("on hand must not be negative");
		}
	}

}
