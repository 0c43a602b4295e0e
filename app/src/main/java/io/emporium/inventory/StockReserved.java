package io.emporium.inventory;

import java.time.Instant;
import java.util.List;

/** Stock was held for a buyer until {@code expiresAt}. */
public record StockReserved(ReservationId reservation, List<StockLine> lines, Instant expiresAt) {
}
