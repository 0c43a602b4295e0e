package io.emporium.payments.internal;

import io.emporium.platform.Money;

/** The port every payment gateway adapter implements. */
interface PaymentGateway {

	String name();

	/**
	 * Charges the token. Returns the outcome for approved and declined charges.
	 * @throws GatewayException when the gateway failed to answer (the charge may be
	 * retried)
	 */
	GatewayOutcome charge(String idempotencyKey, String token, Money amount, String reference);

	record GatewayOutcome(boolean approved, String reference, String brand, String last4, String reason) {

		static GatewayOutcome approved(String reference, String brand, String last4) {
			return new GatewayOutcome(true, reference, brand, last4, "");
		}

		static GatewayOutcome declined(String reason) {
			return new GatewayOutcome(false, "", "", "", reason);
		}

	}

	class GatewayException extends RuntimeException {

		GatewayException(String message) {
			super(message);
		}

	}

}
