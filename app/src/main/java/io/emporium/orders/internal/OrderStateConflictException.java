package io.emporium.orders.internal;

import java.util.UUID;

import io.emporium.orders.OrderStatus;
import io.emporium.platform.ConflictException;

/** A change the order's life cycle does not allow from its current status (409). */
class OrderStateConflictException extends ConflictException {

	OrderStateConflictException(UUID orderId, OrderStatus from, OrderStatus to) {
		super("order-state-conflict", "Order " + orderId + " cannot go from " + from + " to " + to + ".");
		getBody().setProperty("from", from.name());
		getBody().setProperty("to", to.name());
	}

}
