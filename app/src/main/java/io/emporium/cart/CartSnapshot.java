package io.emporium.cart;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A cart's content as checkout sees it: SKUs and quantities, priced by checkout itself.
 */
public record CartSnapshot(String id, @Nullable UUID customerId, List<Line> lines) {

	public CartSnapshot {
		lines = List.copyOf(lines);
	}

	public record Line(String sku, int quantity) {
	}

}
