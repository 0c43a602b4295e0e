package io.emporium.inventory.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.emporium.inventory.ReservationId;
import io.emporium.inventory.SoldOut;
import io.emporium.inventory.SoldOutException;
import io.emporium.inventory.StockLine;
import io.emporium.inventory.StockLow;
import io.emporium.inventory.StockReleased;
import io.emporium.inventory.StockReserved;
import io.emporium.inventory.StockReturned;
import io.emporium.platform.ConflictException;
import io.emporium.platform.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Holds, confirms and releases stock. Every change of a stock row is a conditional update
 * checked by its row count, and every change of a reservation's status is one too, so
 * concurrent buyers never oversell and repeated calls change nothing.
 */
@Component
class Reservations {

	/** How often a split hold re-reads a warehouse whose free stock shrank meanwhile. */
	private static final int SPLIT_ATTEMPTS = 3;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final InventoryProperties properties;

	private final ApplicationEventPublisher events;

	private final StockQueries stock;

	private final AvailabilityCache availability;

	Reservations(JdbcClient jdbc, Clock clock, InventoryProperties properties, ApplicationEventPublisher events,
			StockQueries stock, AvailabilityCache availability) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.properties = properties;
		this.events = events;
		this.stock = stock;
		this.availability = availability;
	}

	@Transactional
	ReservationId reserve(List<StockLine> lines) {
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("a reservation needs at least one line");
		}
		// Sorted by SKU so that two buyers of the same SKUs lock rows in the same order.
		Map<String, Integer> wanted = new TreeMap<>();
		lines.forEach(line -> wanted.merge(line.sku(), line.quantity(), Math::addExact));
		ReservationId id = ReservationId.random();
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.properties.hold());
		this.jdbc.sql("""
				insert into inventory_reservation (id, status, created_at, expires_at)
				values (:id, 'HELD', :now, :expires)""")
			.param("id", id.value())
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("expires", expiresAt.atOffset(ZoneOffset.UTC))
			.update();
		wanted.forEach((sku,
				quantity) -> hold(sku, quantity).forEach((warehouse, held) -> this.jdbc.sql("""
						insert into inventory_reservation_line (reservation_id, sku, warehouse, quantity)
						values (:id, :sku, :warehouse, :quantity)""")
					.param("id", id.value())
					.param("sku", sku)
					.param("warehouse", warehouse)
					.param("quantity", held)
					.update()));
		List<StockLine> held = wanted.entrySet().stream().map(e -> new StockLine(e.getKey(), e.getValue())).toList();
		this.availability.forget(wanted.keySet());
		this.events.publishEvent(new StockReserved(id, held, expiresAt));
		announceScarcity(wanted);
		return id;
	}

	/**
	 * The paid order takes its units for good. The status flip comes first, so a second
	 * confirm finds nothing to do.
	 */
	@Transactional
	void confirm(ReservationId id, UUID orderId) {
		int rows = this.jdbc.sql("""
				update inventory_reservation set status = 'CONFIRMED', order_id = :order
				where id = :id and status = 'HELD'""").param("order", orderId).param("id", id.value()).update();
		if (rows == 0) {
			String status = status(id);
			if ("RELEASED".equals(status)) {
				throw new ConflictException("reservation-released",
						"The reservation was released (expired or cancelled) before it was confirmed.");
			}
			return;
		}
		for (HeldLine line : lines(id)) {
			int updated = this.jdbc.sql("""
					update inventory_stock set on_hand = on_hand - :q, reserved = reserved - :q
					where sku = :sku and warehouse = :warehouse and reserved >= :q""")
				.param("q", line.quantity())
				.param("sku", line.sku())
				.param("warehouse", line.warehouse())
				.update();
			if (updated != 1) {
				throw new IllegalStateException("held stock missing for reservation " + id.value());
			}
		}
	}

	/**
	 * Gives held units back; returns false when the reservation was no longer held
	 * (already released, expired or confirmed).
	 */
	@Transactional
	boolean release(ReservationId id, boolean expired) {
		int rows = this.jdbc
			.sql("update inventory_reservation set status = 'RELEASED' where id = :id and status = 'HELD'")
			.param("id", id.value())
			.update();
		if (rows == 0) {
			status(id);
			return false;
		}
		List<HeldLine> lines = lines(id);
		Map<String, Integer> released = new TreeMap<>();
		for (HeldLine line : lines) {
			int updated = this.jdbc.sql("""
					update inventory_stock set reserved = reserved - :q
					where sku = :sku and warehouse = :warehouse and reserved >= :q""")
				.param("q", line.quantity())
				.param("sku", line.sku())
				.param("warehouse", line.warehouse())
				.update();
			if (updated != 1) {
				throw new IllegalStateException("held stock missing for reservation " + id.value());
			}
			released.merge(line.sku(), line.quantity(), Integer::sum);
		}
		this.availability.forget(released.keySet());
		this.events.publishEvent(new StockReleased(id,
				released.entrySet().stream().map(e -> new StockLine(e.getKey(), e.getValue())).toList(), expired,
				this.clock.instant()));
		return true;
	}

	/**
	 * Puts the units of the order's confirmed reservations back on hand in the warehouses
	 * they were taken from, and returns them. The status flip comes first, so a second
	 * call finds nothing to do and returns nothing.
	 */
	@Transactional
	List<HeldLine> returnToStock(UUID orderId) {
		List<ReservationId> confirmed = this.jdbc
			.sql("select id from inventory_reservation where order_id = :order and status = 'CONFIRMED' order by id")
			.param("order", orderId)
			.query((rs, n) -> new ReservationId(rs.getObject("id", UUID.class)))
			.list();
		List<HeldLine> returned = new ArrayList<>();
		for (ReservationId id : confirmed) {
			int rows = this.jdbc
				.sql("update inventory_reservation set status = 'RETURNED' where id = :id and status = 'CONFIRMED'")
				.param("id", id.value())
				.update();
			if (rows == 0) {
				continue;
			}
			List<HeldLine> lines = lines(id);
			Map<String, Integer> bySku = new TreeMap<>();
			for (HeldLine line : lines) {
				int updated = this.jdbc.sql("""
						update inventory_stock set on_hand = on_hand + :q
						where sku = :sku and warehouse = :warehouse""")
					.param("q", line.quantity())
					.param("sku", line.sku())
					.param("warehouse", line.warehouse())
					.update();
				if (updated != 1) {
					throw new IllegalStateException("stock row missing for returned reservation " + id.value());
				}
				bySku.merge(line.sku(), line.quantity(), Integer::sum);
			}
			this.availability.forget(bySku.keySet());
			this.events.publishEvent(new StockReturned(id, orderId,
					bySku.entrySet().stream().map(e -> new StockLine(e.getKey(), e.getValue())).toList(),
					this.clock.instant()));
			returned.addAll(lines);
		}
		return returned;
	}

	/**
	 * Held reservations whose hold ended before {@code now}, oldest first, starting after
	 * {@code after} in that order, so a caller pages past those it could not release.
	 */
	List<ExpiredHold> expired(Instant now, ExpiredHold after, int limit) {
		return this.jdbc.sql("""
				select id, expires_at from inventory_reservation
				where status = 'HELD' and expires_at < :now
				and (expires_at > :after or (expires_at = :after and id > :afterId))
				order by expires_at, id
				limit :limit""")
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("after", after.expiresAt().atOffset(ZoneOffset.UTC))
			.param("afterId", after.id().value())
			.param("limit", limit)
			.query((rs, n) -> new ExpiredHold(new ReservationId(rs.getObject("id", UUID.class)),
					rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
			.list();
	}

	/**
	 * Holds the whole quantity in the first warehouse (by priority) that has it, else
	 * splits it over several; each step is a conditional update.
	 */
	private Map<String, Integer> hold(String sku, int quantity) {
		List<String> warehouses = this.stock.warehousesCarrying(sku);
		for (String warehouse : warehouses) {
			if (take(sku, warehouse, quantity)) {
				return Map.of(warehouse, quantity);
			}
		}
		Map<String, Integer> taken = new LinkedHashMap<>();
		int remaining = quantity;
		for (String warehouse : warehouses) {
			for (int attempt = 0; attempt < SPLIT_ATTEMPTS && remaining > 0; attempt++) {
				int free = this.stock.free(sku, warehouse);
				if (free <= 0) {
					break;
				}
				int part = Math.min(free, remaining);
				if (take(sku, warehouse, part)) {
					taken.merge(warehouse, part, Integer::sum);
					remaining -= part;
				}
			}
			if (remaining == 0) {
				return taken;
			}
		}
		throw new SoldOutException(sku);
	}

	private boolean take(String sku, String warehouse, int quantity) {
		return this.jdbc.sql("""
				update inventory_stock set reserved = reserved + :q
				where sku = :sku and warehouse = :warehouse and on_hand - reserved >= :q""")
			.param("q", quantity)
			.param("sku", sku)
			.param("warehouse", warehouse)
			.update() == 1;
	}

	/** Announces crossing the low-stock threshold or selling the last unit, once each. */
	private void announceScarcity(Map<String, Integer> reserved) {
		Map<String, Integer> available = this.stock.available(reserved.keySet());
		reserved.forEach((sku, quantity) -> {
			int after = available.getOrDefault(sku, 0);
			if (after == 0) {
				this.events.publishEvent(new SoldOut(sku));
			}
			else if (after <= this.properties.lowStockAt() && after + quantity > this.properties.lowStockAt()) {
				this.events.publishEvent(new StockLow(sku, after));
			}
		});
	}

	private String status(ReservationId id) {
		return this.jdbc.sql("select status from inventory_reservation where id = :id")
			.param("id", id.value())
			.query(String.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("Reservation " + id.value()));
	}

	private List<HeldLine> lines(ReservationId id) {
		return new ArrayList<>(this.jdbc.sql("""
				select sku, warehouse, quantity from inventory_reservation_line
				where reservation_id = :id order by sku, warehouse""")
			.param("id", id.value())
			.query((rs, n) -> new HeldLine(rs.getString("sku"), rs.getString("warehouse"), rs.getInt("quantity")))
			.list());
	}

	/** Units of one SKU held in (or taken from) one warehouse for a reservation. */
	record HeldLine(String sku, String warehouse, int quantity) {
	}

	/** A hold past its expiry, and where it stands in the order the expiry job walks. */
	record ExpiredHold(ReservationId id, Instant expiresAt) {

		/** Comes before every hold. */
		static final ExpiredHold FIRST = new ExpiredHold(new ReservationId(new UUID(0, 0)), Instant.EPOCH);

	}

}
