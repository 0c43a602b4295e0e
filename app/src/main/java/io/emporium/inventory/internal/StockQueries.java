package io.emporium.inventory.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.emporium.inventory.StockLevels;
import io.emporium.inventory.Warehouse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read-only questions about stock and warehouses, each answered by one query. */
@Component
class StockQueries {

	private final JdbcClient jdbc;

	StockQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Map<String, Integer> available(Collection<String> skus) {
		Map<String, Integer> available = new HashMap<>();
		if (skus.isEmpty()) {
			return available;
		}
		skus.forEach(sku -> available.put(sku, 0));
		this.jdbc.sql("""
				select sku, sum(on_hand - reserved) as free from inventory_stock
				where sku in (:skus) group by sku""")
			.param("skus", List.copyOf(skus))
			.query((rs, n) -> available.put(rs.getString("sku"), (int) Math.max(0, rs.getLong("free"))))
			.list();
		return available;
	}

	/**
	 * Warehouses that have a stock row for the SKU, in the order reservations try them.
	 */
	List<String> warehousesCarrying(String sku) {
		return this.jdbc.sql("""
				select s.warehouse from inventory_stock s
				join inventory_warehouse w on w.code = s.warehouse
				where s.sku = :sku order by w.priority, w.code""").param("sku", sku).query(String.class).list();
	}

	int free(String sku, String warehouse) {
		return this.jdbc
			.sql("select on_hand - reserved from inventory_stock where sku = :sku and warehouse = :warehouse")
			.param("sku", sku)
			.param("warehouse", warehouse)
			.query(Integer.class)
			.optional()
			.orElse(0);
	}

	StockLevels levels(String sku) {
		List<StockLevels.Level> levels = this.jdbc.sql("""
				select s.warehouse, s.on_hand, s.reserved from inventory_stock s
				join inventory_warehouse w on w.code = s.warehouse
				where s.sku = :sku order by w.priority, w.code""")
			.param("sku", sku)
			.query((rs, n) -> new StockLevels.Level(rs.getString("warehouse"), rs.getInt("on_hand"),
					rs.getInt("reserved")))
			.list();
		return new StockLevels(sku, levels);
	}

	List<Warehouse> warehouses() {
		return this.jdbc.sql("select code, name, priority from inventory_warehouse order by priority, code")
			.query((rs, n) -> new Warehouse(rs.getString("code"), rs.getString("name"), rs.getInt("priority")))
			.list();
	}

}
