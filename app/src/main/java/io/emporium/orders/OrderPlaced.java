package io.emporium.orders;

import java.time.Instant;
import java.util.UUID;

import io.emporium.platform.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.events.Externalized;

@Externalized
public record OrderPlaced(UUID orderId, @Nullable UUID customerId, Money total, Instant at) {
}
