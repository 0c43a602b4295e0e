package io.emporium.checkout.internal;

import io.emporium.inventory.ReservationId;

/** A claimed cart priced for the purchase, and the stock held for it. */
record HeldCart(PricedLines priced, ReservationId reservation) {
}
