package io.emporium.orders;

import java.time.Instant;
import java.util.UUID;

import io.emporium.platform.Money;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.events.Externalized;

/** The order is paid; {@code paymentId} is null for an order that cost nothing. */
@Externalized
public record OrderPaid(UUID orderId, @Nullable UUID paymentId, Money total, Instant at) {
}
