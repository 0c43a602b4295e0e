package io.emporium.orders;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Arrived at the shipping address. */
public record OrderDelivered(UUID orderId, @Nullable UUID customerId, Instant at) {
}
