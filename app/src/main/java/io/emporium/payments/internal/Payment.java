package io.emporium.payments.internal;

import java.time.Instant;
import java.util.UUID;

import io.emporium.payments.Authorization;
import io.emporium.platform.Money;
import org.jspecify.annotations.Nullable;

/**
 * A payment as stored: what was held, taken and given back, in minor units of
 * {@code amount}'s currency. {@code refundReserved} counts refunds accepted (some may
 * still wait for the gateway); {@code refunded} only those the gateway confirmed.
 */
record Payment(UUID id, String idempotencyKey, String gateway, @Nullable String gatewayReference, PaymentStatus status,
		Money amount, @Nullable String brand, @Nullable String last4, @Nullable String failureReason, String cartId,
		@Nullable UUID orderId, long captured, long refundReserved, long refunded, @Nullable Operation pending,
		Instant createdAt, Instant updatedAt) {

	/** A step the gateway is being asked to do; it excludes the opposite step. */
	enum Operation {

		AUTHORIZE, CAPTURE, VOID, REFUND

	}

	/** Captured money not yet claimed by a refund. */
	long refundable() {
		return this.captured - this.refundReserved;
	}

	Money money(long minorUnits) {
		return new Money(minorUnits, this.amount.currency());
	}

	Authorization authorization() {
		return new Authorization(this.id, this.gateway, String.valueOf(this.gatewayReference), this.amount,
				String.valueOf(this.brand), String.valueOf(this.last4));
	}

}
