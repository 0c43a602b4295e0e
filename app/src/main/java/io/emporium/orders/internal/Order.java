package io.emporium.orders.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.emporium.orders.OrderCancelled;
import io.emporium.orders.OrderDelivered;
import io.emporium.orders.OrderFulfilled;
import io.emporium.orders.OrderLine;
import io.emporium.orders.OrderPaid;
import io.emporium.orders.OrderPlaced;
import io.emporium.orders.OrderRefunded;
import io.emporium.orders.OrderShipped;
import io.emporium.orders.OrderStatus;
import io.emporium.orders.PlaceOrder;
import io.emporium.orders.ShippingAddress;
import io.emporium.platform.Money;
import org.jspecify.annotations.Nullable;

import static io.emporium.orders.OrderStatus.CANCELLED;
import static io.emporium.orders.OrderStatus.DELIVERED;
import static io.emporium.orders.OrderStatus.FULFILLED;
import static io.emporium.orders.OrderStatus.PAID;
import static io.emporium.orders.OrderStatus.REFUNDED;
import static io.emporium.orders.OrderStatus.SHIPPED;

/**
 * An order and its guarded life cycle. A new state is only ever derived through
 * {@link #transitionTo}, which refuses anything the life cycle does not allow; the
 * version grows by one with every change and numbers the history.
 */
public record Order(UUID id, long number, @Nullable UUID customerId, String email, ShippingAddress shippingAddress,
		List<OrderLine> lines, Money total, @Nullable UUID paymentId, OrderStatus status, long version,
		Instant createdAt, Instant updatedAt) {

	public Order {
		lines = List.copyOf(lines);
	}

	static Order place(UUID id, long number, PlaceOrder command, Instant at) {
		for (OrderLine line : command.lines()) {
			if (!line.unitPrice().currency().equals(command.total().currency())) {
				throw new IllegalArgumentException("every line must be priced in the order's currency");
			}
		}
		if (command.total().belowZero()) {
			throw new IllegalArgumentException("the total must not be negative");
		}
		return new Order(id, number, command.customerId(), command.email(), command.shippingAddress(), command.lines(),
				command.total(), command.paymentId(), OrderStatus.PLACED, 1, at, at);
	}

	/** The statuses an order may move to from {@code from}; empty for final ones. */
	static Set<OrderStatus> successors(OrderStatus from) {
		return switch (from) {
			case PLACED -> EnumSet.of(PAID, CANCELLED);
			case PAID -> EnumSet.of(FULFILLED, CANCELLED, REFUNDED);
			case FULFILLED -> EnumSet.of(SHIPPED, REFUNDED);
			case SHIPPED -> EnumSet.of(DELIVERED, REFUNDED);
			case DELIVERED -> EnumSet.of(REFUNDED);
			case CANCELLED, REFUNDED -> EnumSet.noneOf(OrderStatus.class);
		};
	}

	static boolean permits(OrderStatus from, OrderStatus to) {
		return successors(from).contains(to);
	}

	Order transitionTo(OrderStatus target, Instant at) {
		if (!permits(this.status, target)) {
			throw new OrderStateConflictException(this.id, this.status, target);
		}
		return new Order(this.id, this.number, this.customerId, this.email, this.shippingAddress, this.lines,
				this.total, this.paymentId, target, this.version + 1, this.createdAt, at);
	}

	/** The same order one version on, for a history step that keeps the status. */
	Order noted(Instant at) {
		return new Order(this.id, this.number, this.customerId, this.email, this.shippingAddress, this.lines,
				this.total, this.paymentId, this.status, this.version + 1, this.createdAt, at);
	}

	/** The event that tells other modules this order has just reached its status. */
	Object announcement(@Nullable OrderStatus from) {
		return switch (this.status) {
			case PLACED -> new OrderPlaced(this.id, this.customerId, this.total, this.updatedAt);
			case PAID -> new OrderPaid(this.id, this.paymentId, this.total, this.updatedAt);
			case FULFILLED -> new OrderFulfilled(this.id, this.customerId, this.updatedAt);
			case SHIPPED -> new OrderShipped(this.id, this.customerId, this.updatedAt);
			case DELIVERED -> new OrderDelivered(this.id, this.customerId, this.updatedAt);
			case CANCELLED -> new OrderCancelled(this.id, this.customerId, required(from), this.paymentId, this.total,
					this.updatedAt);
			case REFUNDED ->
				new OrderRefunded(this.id, this.customerId, required(from), this.paymentId, this.total, this.updatedAt);
		};
	}

	private static OrderStatus required(@Nullable OrderStatus from) {
		if (from == null) {
			throw new IllegalStateException("a cancellation or refund always has a previous status");
		}
		return from;
	}

}
