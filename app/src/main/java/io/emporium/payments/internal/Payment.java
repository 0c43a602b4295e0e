package io.emporium.payments.internal;

import java.time.Instant;
import java.util.UUID;

import io.emporium.payments.PaymentRequest;
import io.emporium.payments.internal.PaymentGateway.GatewayOutcome;
import io.emporium.platform.Money;

/** A recorded charge attempt that the gateway answered: approved or declined. */
record Payment(UUID id, String idempotencyKey, String gateway, String gatewayReference, boolean authorized,
		Money amount, String brand, String last4, String failureReason, String reference, Instant createdAt) {

	static Payment of(UUID id, PaymentRequest request, String gateway, GatewayOutcome outcome, Instant at) {
		return new Payment(id, request.idempotencyKey(), gateway, outcome.reference(), outcome.approved(),
				request.amount(), outcome.brand(), outcome.last4(), outcome.reason(), "cart:" + request.cartId(), at);
	}

	String status() {
		return this.authorized ? "AUTHORIZED" : "DECLINED";
	}

}
