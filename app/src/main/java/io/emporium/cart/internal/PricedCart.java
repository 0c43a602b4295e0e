package io.emporium.cart.internal;

import java.util.List;
import java.util.UUID;

import io.emporium.platform.Money;
import org.jspecify.annotations.Nullable;

/** A cart with current catalog prices and availability, as shoppers see it. */
public record PricedCart(String id, @Nullable UUID customerId, String status, List<Line> items, int itemCount,
		Money total) {

	public record Line(UUID id, String sku, String productSlug, String title, int quantity, Money unitPrice,
			Money lineTotal, int available) {
	}

}
