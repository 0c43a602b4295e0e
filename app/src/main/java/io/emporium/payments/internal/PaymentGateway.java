package io.emporium.payments.internal;

import io.emporium.platform.Money;

/**
 * The port every payment gateway adapter implements. Each call is idempotent on the
 * gateway's side for the same authorization (and refund key), so retrying is safe.
 */
interface PaymentGateway {

	String name();

	/**
	 * Holds the amount on the card behind the token. Returns the outcome for approved and
	 * declined authorizations.
	 * @throws GatewayException when the gateway failed to answer (nothing is held)
	 */
	GatewayOutcome authorize(String idempotencyKey, String token, Money amount, String reference);

	/**
	 * Takes the held amount; returns the gateway's reference of the capture.
	 * @throws GatewayException when the gateway failed (the capture may be retried)
	 */
	String capture(String authorization, Money amount);

	/**
	 * Releases the hold; returns the gateway's reference of the void.
	 * @throws GatewayException when the gateway failed (the void may be retried)
	 */
	String voidAuthorization(String authorization);

	/**
	 * Gives captured money back, once per {@code refundKey}; returns the gateway's
	 * reference of the refund.
	 * @throws GatewayException when the gateway failed (the refund may be retried)
	 */
	String refund(String authorization, String refundKey, Money amount);

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
