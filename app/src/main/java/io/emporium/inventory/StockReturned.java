package io.emporium.inventory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The units of a confirmed reservation went back on hand because its order was cancelled
 * or refunded before anything shipped.
 */
public record StockReturned(ReservationId reservation, UUID orderId, List<StockLine> lines, Instant at) {
}
