package io.emporium.orders;

import java.util.UUID;

/** What other modules may ask of orders. */
public interface Orders {

	/**
	 * Records a paid order (history: PLACED, then PAID) in the caller's transaction and
	 * publishes {@link OrderPlaced} and {@link OrderPaid}.
	 */
	PlacedOrder placePaid(PlaceOrder command);

	/**
	 * Appends a step to the order's history without changing its status, such as stock
	 * returned or money given back by another module, in the caller's transaction.
	 * @throws io.emporium.platform.NotFoundException when the order does not exist
	 */
	void note(UUID orderId, String actor, String note);

}
