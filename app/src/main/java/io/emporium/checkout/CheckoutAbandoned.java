package io.emporium.checkout;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An attempt to check out stopped half-way (its node died or it went stale) and was taken
 * over; what it held, a cart claim, stock and an authorization, is to be given back.
 * {@code fence} is the token the abandoned attempt held.
 */
public record CheckoutAbandoned(String idempotencyKey, long fence, @Nullable String cartId,
		@Nullable UUID reservationId, Instant at) {
}
