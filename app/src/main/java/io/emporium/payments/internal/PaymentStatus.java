package io.emporium.payments.internal;

/**
 * Where a payment's money stands. Only an authorization can be captured or voided, and
 * only captured money can be refunded; refunds end in REFUNDED once all is back. PENDING
 * is an authorization opened before the gateway was asked, whose answer is not recorded
 * yet.
 */
enum PaymentStatus {

	PENDING, AUTHORIZED, CAPTURED, VOIDED, REFUNDED, PARTIALLY_REFUNDED, DECLINED, FAILED;

	boolean capturable() {
		return this == AUTHORIZED;
	}

	boolean voidable() {
		return this == AUTHORIZED;
	}

	/** Captured money of which some is still with the store. */
	boolean refundable() {
		return this == CAPTURED || this == PARTIALLY_REFUNDED;
	}

	/** The status once {@code refunded} of {@code captured} minor units went back. */
	static PaymentStatus afterRefunds(long captured, long refunded) {
		if (captured <= 0 || refunded < 0 || refunded > captured) {
			throw new IllegalArgumentException("refunds must lie between nothing and what was captured");
		}
		if (refunded == 0) {
			return CAPTURED;
		}
		return (refunded == captured) ? REFUNDED : PARTIALLY_REFUNDED;
	}

}
