package io.emporium.inventory;

import java.util.List;

/** Stock of one SKU in every warehouse that carries it. */
public record StockLevels(String sku, List<Level> levels) {

	public record Level(String warehouse, int onHand, int reserved) {
	}

}
