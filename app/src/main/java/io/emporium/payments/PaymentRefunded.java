package io.emporium.payments;

import java.time.Instant;
import java.util.UUID;

import io.emporium.platform.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.modulith.events.Externalized;

/**
 * Captured money went back to the shopper: {@code amount} now, {@code refundedTotal} so
 * far, out of {@code captured}.
 */
@Externalized
public record PaymentRefunded(UUID paymentId, UUID refundId, @Nullable UUID orderId, Money amount, Money refundedTotal,
		Money captured, Instant at) {
}
