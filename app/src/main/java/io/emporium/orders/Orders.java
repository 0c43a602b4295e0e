package io.emporium.orders;

/** What other modules may ask of orders. */
public interface Orders {

	/**
	 * Records a paid order (history: PLACED, then PAID) in the caller's transaction and
	 * publishes {@link OrderPlaced} and {@link OrderPaid}.
	 */
	PlacedOrder placePaid(PlaceOrder command);

}
