package io.emporium.orders;

import java.time.Instant;
import java.util.UUID;

import io.emporium.platform.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.events.Externalized;

/** The shopper gets the whole total back; {@code from} is the status refunded from. */
@Externalized
public record OrderRefunded(UUID orderId, @Nullable UUID customerId, OrderStatus from, @Nullable UUID paymentId,
		Money total, Instant at) {
}
