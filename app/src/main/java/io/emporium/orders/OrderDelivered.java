package io.emporium.orders;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.events.Externalized;

/** Arrived at the shipping address. */
@Externalized
public record OrderDelivered(UUID orderId, @Nullable UUID customerId, Instant at) {
}
