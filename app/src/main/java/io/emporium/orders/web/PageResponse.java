package io.emporium.orders.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.emporium.orders.OrderStatus;
import io.emporium.orders.internal.OrderSummary;
import io.emporium.orders.internal.ResultPage;
import io.emporium.platform.Money;

/** A page of orders in the API's list shape: items, total, page and size. */
record PageResponse(List<Item> items, long total, int page, int size) {

	static PageResponse of(ResultPage<OrderSummary> page) {
		return new PageResponse(page.items().stream().map(Item::of).toList(), page.total(), page.page(), page.size());
	}

	record Item(UUID id, long number, OrderStatus status, String email, Money total, Instant createdAt,
			Instant updatedAt) {

		static Item of(OrderSummary order) {
			return new Item(order.id(), order.number(), order.status(), order.email(), order.total(), order.createdAt(),
					order.updatedAt());
		}

	}

}
