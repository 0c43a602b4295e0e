package io.emporium.orders;

import java.util.List;
import java.util.UUID;

import io.emporium.platform.Money;
import org.jspecify.annotations.Nullable;

/**
 * Everything needed to record an order; prices are the ones the shopper was charged.
 *
 * @param paymentId the authorized payment that pays the total, null only when the total
 * is zero
 */
public record PlaceOrder(@Nullable UUID customerId, String email, ShippingAddress shippingAddress,
		List<OrderLine> lines, Money total, @Nullable UUID paymentId) {

	public PlaceOrder {
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("an order needs at least one line");
		}
		if ((paymentId == null) != total.nothing()) {
			throw new IllegalArgumentException("a payment pays every order with a total, and only those");
		}
		lines = List.copyOf(lines);
	}

}
