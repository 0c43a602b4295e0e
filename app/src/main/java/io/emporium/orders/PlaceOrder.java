package io.emporium.orders;

import java.util.List;
import java.util.UUID;

import io.emporium.platform.Money;
import org.jspecify.annotations.Nullable;

/** Everything needed to record an order; prices are the ones the shopper was charged. */
public record PlaceOrder(@Nullable UUID customerId, String email, ShippingAddress shippingAddress,
		List<OrderLine> lines, Money total, String paymentReference) {

	public PlaceOrder {
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("an order needs at least one line");
		}
		lines = List.copyOf(lines);
	}

}
