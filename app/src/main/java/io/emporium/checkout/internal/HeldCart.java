package io.emporium.checkout.internal;

import java.util.UUID;

import io.emporium.inventory.ReservationId;
import org.jspecify.annotations.Nullable;

/**
 * A claimed cart priced for the purchase, the stock held for it and the payment opened
 * for it (none for a free order).
 */
record HeldCart(PricedLines priced, ReservationId reservation, @Nullable UUID paymentId) {

	HeldCart(PricedLines priced, ReservationId reservation) {
		this(priced, reservation, null);
	}

}
