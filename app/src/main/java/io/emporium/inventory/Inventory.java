package io.emporium.inventory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
	 * The order is paid: the held units leave stock for good and the reservation
	 * remembers the order. Confirming twice is harmless.
	 * @throws io.emporium.platform.ConflictException when the hold was released first
	 */
	void confirm(ReservationId reservation, UUID orderId);

	/** Gives the held units back. Releasing twice, or after expiry, is harmless. */
	void release(ReservationId reservation);

	/**
	 * Adds a warehouse; returns false (and changes nothing) when the code already exists,
	 * so callers that seed data may run twice.
	 */
	boolean addWarehouse(Warehouse warehouse);

	/**
	 * Sets the physical count of SKUs per warehouse, in one transaction and batched. The
	 * caller vouches that the SKUs exist (the catalog seeding its own products).
	 * @throws io.emporium.platform.ConflictException when a count is below what is
	 * reserved
	 * @throws io.emporium.platform.NotFoundException when a warehouse does not exist
	 */
	void setStock(Collection<StockCount> counts);

	/** Stock of one SKU per warehouse (empty levels when none was ever set). */
	StockLevels levels(String sku);

}
