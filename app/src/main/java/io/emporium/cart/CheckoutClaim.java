package io.emporium.cart;

/**
 * Who checks a cart out: the Idempotency-Key and its fencing token. A higher token of the
 * same key takes the claim over; any other key is refused while the claim stands.
 */
public record CheckoutClaim(String key, long fence) {

	public CheckoutClaim {
		if (key.isBlank()) {
			throw new IllegalArgumentException("blank key");
		}
		if (fence < 1) {
			throw new IllegalArgumentException("fencing tokens start at 1");
		}
	}

}
