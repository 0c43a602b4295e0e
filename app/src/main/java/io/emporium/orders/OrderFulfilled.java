package io.emporium.orders;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Handed to the warehouse for picking and packing. */
public record OrderFulfilled(UUID orderId, @Nullable UUID customerId, Instant at) {
}
