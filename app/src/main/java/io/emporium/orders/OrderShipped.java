package io.emporium.orders;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.events.Externalized;

/** On its way to the shopper. */
@Externalized
public record OrderShipped(UUID orderId, @Nullable UUID customerId, Instant at) {
}
