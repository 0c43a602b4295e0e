package io.emporium.orders;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.events.Externalized;

/** Handed to the warehouse for picking and packing. */
@Externalized
public record OrderFulfilled(UUID orderId, @Nullable UUID customerId, Instant at) {
}
