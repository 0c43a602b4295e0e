package io.emporium.payments.internal;

import java.util.List;

/** A payment with its gateway calls in the order they were made. */
record PaymentDetails(Payment payment, List<GatewayCall> calls) {

	PaymentDetails {
		calls = List.copyOf(calls);
	}

}
