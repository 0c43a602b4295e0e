package io.emporium.orders.internal;

import java.time.Instant;
import java.util.UUID;

import io.emporium.orders.OrderStatus;
import io.emporium.platform.Money;
import org.jspecify.annotations.Nullable;

/** An order as listed: no lines, no history, so a page costs one query. */
public record OrderSummary(UUID id, long number, @Nullable UUID customerId, String email, OrderStatus status,
		Money total, Instant createdAt, Instant updatedAt) {
}
