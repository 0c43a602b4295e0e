package io.emporium.orders.internal;

import java.time.Instant;

import io.emporium.orders.OrderStatus;
import org.jspecify.annotations.Nullable;

/**
 * What admins filter orders by; every criterion is optional. {@code from} is inclusive,
 * {@code to} exclusive, both on the creation time.
 */
public record OrderSearch(@Nullable OrderStatus status, @Nullable String email, @Nullable Instant from,
		@Nullable Instant to) {
}
