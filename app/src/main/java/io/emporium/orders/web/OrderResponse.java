package io.emporium.orders.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.emporium.orders.OrderLine;
import io.emporium.orders.OrderStatus;
import io.emporium.orders.ShippingAddress;
import io.emporium.orders.internal.HistoryEntry;
import io.emporium.orders.internal.Order;
import io.emporium.orders.internal.OrderDetails;
import io.emporium.platform.Money;
import org.jspecify.annotations.Nullable;

/**
 * An order as JSON. Shoppers see when the status changed; who changed it and why is staff
 * information and shown to admins only.
 */
record OrderResponse(UUID id, long number, OrderStatus status, String email, ShippingAddress shippingAddress,
		List<Line> lines, Money total, Instant createdAt, Instant updatedAt, List<Change> history) {

	static OrderResponse of(OrderDetails details, boolean forAdmin) {
		Order order = details.order();
		return new OrderResponse(order.id(), order.number(), order.status(), order.email(), order.shippingAddress(),
				order.lines().stream().map(Line::of).toList(), order.total(), order.createdAt(), order.updatedAt(),
				details.history().stream().map((entry) -> Change.of(entry, forAdmin)).toList());
	}

	record Line(String sku, String title, int quantity, Money unitPrice, Money lineTotal) {

		static Line of(OrderLine line) {
			return new Line(line.sku(), line.title(), line.quantity(), line.unitPrice(), line.lineTotal());
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Change(long seq, @Nullable OrderStatus from, OrderStatus to, Instant at, @Nullable String actor,
			@Nullable String note) {

		static Change of(HistoryEntry entry, boolean forAdmin) {
			return new Change(entry.seq(), entry.from(), entry.to(), entry.at(), forAdmin ? entry.actor() : null,
					forAdmin ? entry.note() : null);
		}

	}

}
