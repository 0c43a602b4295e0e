package io.emporium.payments;

import io.emporium.platform.Money;

/**
 * A charge to hold: a gateway token stands in for the card, which never reaches Emporium.
 *
 * @param cartId the cart being paid for, kept with the payment so admins can find it
 */
public record PaymentRequest(String idempotencyKey, String token, Money amount, String cartId) {

	public PaymentRequest {
		if (idempotencyKey.isBlank() || token.isBlank() || cartId.isBlank()) {
			throw new IllegalArgumentException("idempotency key, token and cart id are required");
		}
		if (amount.amount() <= 0) {
			throw new IllegalArgumentException("a charge must be positive");
		}
	}

}
