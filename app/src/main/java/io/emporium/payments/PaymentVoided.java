package io.emporium.payments;

import java.time.Instant;
import java.util.UUID;

import io.emporium.platform.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.events.Externalized;

/**
 * The hold was released without taking money; {@code orderId} is null when no order used
 * it.
 */
@Externalized
public record PaymentVoided(UUID paymentId, @Nullable UUID orderId, Money amount, Instant at) {
}
