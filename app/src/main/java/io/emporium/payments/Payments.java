package io.emporium.payments;

/** What other modules may ask of payments. */
public interface Payments {

	/**
	 * Authorizes (and captures) a charge through the gateway chosen for it. The
	 * idempotency key is passed to the gateway and recorded: a second call with the same
	 * key never charges again, it returns the first authorization.
	 * @throws PaymentDeclinedException when the gateway declines the card (402)
	 * @throws PaymentUnavailableException when no gateway could answer (503)
	 */
	Authorization authorize(PaymentRequest request);

}
