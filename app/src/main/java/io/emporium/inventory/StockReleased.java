package io.emporium.inventory;

import java.time.Instant;
import java.util.List;

/** A hold was given back, by request or because it expired unpaid. */
public record StockReleased(ReservationId reservation, List<StockLine> lines, boolean expired, Instant at) {
}
