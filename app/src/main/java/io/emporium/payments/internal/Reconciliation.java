package io.emporium.payments.internal;

import java.time.Instant;
import java.util.UUID;

import io.emporium.payments.internal.Payment.Operation;
import org.jspecify.annotations.Nullable;

/**
 * A money step (capture, void or refund) the gateway failed to do, open until a retry
 * succeeds; {@code refundId} names the refund for a REFUND.
 */
record Reconciliation(UUID id, UUID paymentId, Operation operation, @Nullable UUID refundId, @Nullable UUID orderId,
		String reason, int attempts, Instant nextAttemptAt) {

	/** Identifies the step, so one step has at most one open record. */
	static String openKey(UUID paymentId, Operation operation, @Nullable UUID refundId) {
		return paymentId + ":" + operation + ((refundId != null) ? ":" + refundId : "");
	}

}
