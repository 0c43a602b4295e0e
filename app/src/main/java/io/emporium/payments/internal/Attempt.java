package io.emporium.payments.internal;

import java.util.UUID;

import io.emporium.payments.internal.Payment.Operation;
import org.jspecify.annotations.Nullable;

/**
 * How a money step went: done (or nothing to do), or failed at the gateway and to be
 * retried as {@code operation} (with its refund for a REFUND).
 */
record Attempt(boolean done, @Nullable Operation operation, @Nullable UUID refundId, @Nullable String error) {

	static Attempt completed() {
		return new Attempt(true, null, null, null);
	}

	static Attempt retry(Operation operation, @Nullable UUID refundId, String error) {
		return new Attempt(false, operation, refundId, error);
	}

}
