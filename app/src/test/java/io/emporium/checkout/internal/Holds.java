package io.emporium.checkout.internal;

import java.util.List;

import io.emporium.inventory.ReservationId;
import io.emporium.orders.OrderLine;
import io.emporium.platform.Money;

/** Holds as a purchase records them, for tests that play a purchase's steps by hand. */
final class Holds {

	private Holds() {
	}

	/** {@code reservation} held for {@code quantity} of {@code sku} at 15.00 EUR each. */
	static HeldCart of(String sku, int quantity, ReservationId reservation) {
		return new HeldCart(PricedLines.of(List.of(new OrderLine(sku, sku, quantity, Money.of(1500, "EUR")))),
				reservation);
	}

}
