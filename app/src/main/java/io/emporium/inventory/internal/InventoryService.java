package io.emporium.inventory.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.emporium.inventory.Inventory;
import io.emporium.inventory.ReservationId;
import io.emporium.inventory.SkuDirectory;
import io.emporium.inventory.StockCount;
import io.emporium.inventory.StockCounted;
import io.emporium.inventory.StockLevels;
import io.emporium.inventory.StockLine;
import io.emporium.inventory.Warehouse;
import io.emporium.platform.ConflictException;
import io.emporium.platform.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inventory module's API, plus the checked admin operations its web layer needs.
 * Stock counts are written with an insert-if-missing followed by a conditional update, so
 * a count below what is reserved is refused by the database, not by a prior read.
 */
@Service
public class InventoryService implements Inventory {

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final Reservations reservations;

	private final StockQueries queries;

	private final SkuDirectory skus;

	private final AvailabilityCache availability;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	InventoryService(JdbcClient jdbc, JdbcTemplate batch, Reservations reservations, StockQueries queries,
			SkuDirectory skus, AvailabilityCache availability, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.reservations = reservations;
		this.queries = queries;
		this.skus = skus;
		this.availability = availability;
		this.events = events;
		this.clock = clock;
	}

	@Override
	public Map<String, Integer> available(Collection<String> skus) {
		return this.availability.available(skus);
	}

	@Override
	public ReservationId reserve(List<StockLine> lines) {
		return this.reservations.reserve(lines);
	}

	@Override
	public void confirm(ReservationId reservation, UUID orderId) {
		this.reservations.confirm(reservation, orderId);
	}

	@Override
	public void release(ReservationId reservation) {
		this.reservations.release(reservation, false);
	}

	@Override
	public boolean addWarehouse(Warehouse warehouse) {
		return this.jdbc.sql("""
				insert into inventory_warehouse (code, name, priority) values (:code, :name, :priority)
				on conflict do nothing""")
			.param("code", warehouse.code())
			.param("name", warehouse.name())
			.param("priority", warehouse.priority())
			.update() == 1;
	}

	@Override
	@Transactional
	public void setStock(Collection<StockCount> counts) {
		if (counts.isEmpty()) {
			return;
		}
		Set<String> known = new HashSet<>(warehouses().stream().map(Warehouse::code).toList());
		counts.stream().map(StockCount::warehouse).filter(code -> !known.contains(code)).findFirst().ifPresent(code -> {
			throw new NotFoundException("Warehouse " + code);
		});
		List<StockCount> rows = List.copyOf(counts);
		this.availability.forget(rows.stream().map(StockCount::sku).toList());
		this.batch.batchUpdate("""
				insert into inventory_stock (sku, warehouse, on_hand, reserved) values (?, ?, 0, 0)
				on conflict do nothing""", rows, 1000, (ps, count) -> {
			ps.setString(1, count.sku());
			ps.setString(2, count.warehouse());
		});
		int[][] updated = this.batch.batchUpdate("""
				update inventory_stock set on_hand = ?
				where sku = ? and warehouse = ? and reserved <= ?""", rows, 1000, (ps, count) -> {
			ps.setInt(1, count.onHand());
			ps.setString(2, count.sku());
			ps.setString(3, count.warehouse());
			ps.setInt(4, count.onHand());
		});
		for (int chunk = 0; chunk < updated.length; chunk++) {
			for (int i = 0; i < updated[chunk].length; i++) {
				if (updated[chunk][i] == 0) {
					StockCount refused = rows.get(chunk * 1000 + i);
					throw new ConflictException("stock-below-reserved", "On hand for " + refused.sku() + " in "
							+ refused.warehouse() + " cannot be less than what is reserved.");
				}
			}
		}
		this.events.publishEvent(new StockCounted(rows, this.clock.instant()));
	}

	@Override
	public StockLevels levels(String sku) {
		return this.queries.levels(sku);
	}

	/** Sets one count on behalf of an admin: the SKU must be one the catalog sells. */
	@Transactional
	public StockLevels setStock(String sku, String warehouse, int onHand) {
		if (!this.skus.exists(sku)) {
			throw new NotFoundException("SKU " + sku);
		}
		setStock(List.of(new StockCount(sku, warehouse, onHand)));
		return levels(sku);
	}

	public StockLevels levelsOfKnownSku(String sku) {
		if (!this.skus.exists(sku)) {
			throw new NotFoundException("SKU " + sku);
		}
		return levels(sku);
	}

	public List<Warehouse> warehouses() {
		return this.queries.warehouses();
	}

	public Warehouse createWarehouse(Warehouse warehouse) {
		if (!addWarehouse(warehouse)) {
			throw new ConflictException("duplicate-warehouse", "Warehouse " + warehouse.code() + " already exists.");
		}
		return warehouse;
	}

}
