package io.emporium.orders;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** On its way to the shopper. */
public record OrderShipped(UUID orderId, @Nullable UUID customerId, Instant at) {
}
