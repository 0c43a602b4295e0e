package io.emporium.payments.internal;

import java.time.Instant;
import java.util.UUID;

import io.emporium.payments.internal.Payment.Operation;
import io.emporium.platform.Money;
import org.jspecify.annotations.Nullable;

/** One call to a gateway as it happened, kept for admins and reconciliation. */
record GatewayCall(UUID paymentId, String gateway, Operation operation, @Nullable Money amount, Outcome outcome,
		@Nullable String gatewayReference, @Nullable String error, Instant at) {

	enum Outcome {

		/** The gateway did what was asked. */
		SUCCEEDED,
		/** The gateway answered no (a declined card). */
		DECLINED,
		/** The gateway could not be reached or failed; the step may be retried. */
		FAILED

	}

}
