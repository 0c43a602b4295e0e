package io.emporium.inventory;

/** A quantity of one SKU. */
public record StockLine(String sku, int quantity) {

	public StockLine {
		if (sku.isBlank()) {
			throw new IllegalArgumentException("blank SKU");
		}
		if (quantity < 1) {
			throw new IllegalArgumentException("quantity must be at least 1");
		}
	}

}
