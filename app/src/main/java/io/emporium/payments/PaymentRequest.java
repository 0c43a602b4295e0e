package io.emporium.payments;

import io.emporium.platform.Money;

/**
 * A charge to make: a gateway token stands in for the card, which never reaches Emporium.
 *
 * @param reference what the charge is for, shown on the gateway's side (e.g. the checkout
 * id)
 */
public record PaymentRequest(String idempotencyKey, String token, Money amount, String reference) {

	public PaymentRequest {
		if (idempotencyKey.isBlank() || token.isBlank()) {
			throw new IllegalArgumentException("idempotency key and token are required");
		}
		if (amount.amount() <= 0) {
			throw new IllegalArgumentException("a charge must be positive");
		}
	}

}
