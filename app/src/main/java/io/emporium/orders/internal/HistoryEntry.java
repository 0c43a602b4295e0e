package io.emporium.orders.internal;

import java.time.Instant;

import io.emporium.orders.OrderStatus;
import org.jspecify.annotations.Nullable;

/** One row of an order's append-only history; {@code from} is null for the first one. */
public record HistoryEntry(long seq, @Nullable OrderStatus from, OrderStatus to, String actor, @Nullable String note,
		Instant at) {
}
