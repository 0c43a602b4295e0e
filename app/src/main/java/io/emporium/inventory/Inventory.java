package io.emporium.inventory;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Stock as other modules use it. Reservations are conditional updates, never
 * read-then-write, so concurrent buyers can never take more than is on hand.
 */
public interface Inventory {

	/**
	 * Units available to sell (on hand minus reserved, over all warehouses, never
	 * negative).
	 */
	Map<String, Integer> available(Collection<String> skus);

	/**
	 * Holds every line or none, until {@link #confirm} or {@link #release}, or until the
	 * hold expires and the expiry job releases it.
	 * @throws SoldOutException when any line cannot be held in full
	 */
	ReservationId reserve(List<StockLine> lines);

	/**
	 * The order is paid: the held units leave stock for good. Confirming twice is
	 * harmless.
	 */
	void confirm(ReservationId reservation);

	/** Gives the held units back. Releasing twice, or after expiry, is harmless. */
	void release(ReservationId reservation);

}
