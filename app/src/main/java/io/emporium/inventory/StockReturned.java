package io.emporium.inventory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * The units of a confirmed reservation went back on hand because its order was cancelled
 * or refunded before anything shipped.
 */
@Externalized
public record StockReturned(ReservationId reservation, UUID orderId, List<StockLine> lines, Instant at) {
}
