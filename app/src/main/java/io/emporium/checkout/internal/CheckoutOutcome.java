package io.emporium.checkout.internal;

/**
 * A finished checkout's HTTP answer, stored so that a replay of the same key gets the
 * same bytes.
 */
public record CheckoutOutcome(int status, String body, boolean replayed) {

	CheckoutOutcome asReplay() {
		return new CheckoutOutcome(this.status, this.body, true);
	}

	public boolean problem() {
		return this.status >= 400;
	}

}
