package io.emporium.orders;

import java.time.Instant;
import java.util.UUID;

import io.emporium.platform.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.events.Externalized;

/**
 * The order will not be fulfilled. {@code from} tells listeners whether money was taken
 * ({@code PAID}) and must be given back.
 */
@Externalized
public record OrderCancelled(UUID orderId, @Nullable UUID customerId, OrderStatus from, @Nullable UUID paymentId,
		Money total, Instant at) {
}
