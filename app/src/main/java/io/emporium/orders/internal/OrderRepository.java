package io.emporium.orders.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.emporium.orders.OrderLine;
import io.emporium.orders.OrderStatus;
import io.emporium.orders.ShippingAddress;
import io.emporium.platform.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Orders, lines and history in the {@code orders_} tables. A status only changes through
 * a conditional update on (id, version), and history rows are only ever inserted.
 */
@Repository
class OrderRepository {

	private static final String SUMMARY_COLUMNS = """
			id, order_number, customer_id, email, status, total_amount, currency, created_at, updated_at""";

	private final JdbcClient jdbc;

	OrderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long nextNumber() {
		return this.jdbc.sql("select nextval('orders_number_seq')").query(Long.class).single();
	}

	void insert(Order order, String tokenHash) {
		ShippingAddress address = order.shippingAddress();
		this.jdbc.sql("""
				insert into orders_order (id, order_number, customer_id, email, ship_name, ship_line1, ship_line2,
					ship_city, ship_postal_code, ship_country, total_amount, currency, status, payment_id,
					token_hash, created_at, updated_at, version)
				values (:id, :number, :customerId, :email, :name, :line1, :line2, :city, :postalCode, :country,
					:amount, :currency, :status, :paymentId, :tokenHash, :createdAt, :updatedAt, :version)""")
			.param("id", order.id())
			.param("number", order.number())
			.param("customerId", order.customerId())
			.param("email", order.email())
			.param("name", address.name())
			.param("line1", address.line1())
			.param("line2", address.line2())
			.param("city", address.city())
			.param("postalCode", address.postalCode())
			.param("country", address.country())
			.param("amount", order.total().amount())
			.param("currency", order.total().currency().getCurrencyCode())
			.param("status", order.status().name())
			.param("paymentId", order.paymentId())
			.param("tokenHash", tokenHash)
			.param("createdAt", utc(order.createdAt()))
			.param("updatedAt", utc(order.updatedAt()))
			.param("version", order.version())
			.update();
		int lineNo = 0;
		for (OrderLine line : order.lines()) {
			this.jdbc.sql("""
					insert into orders_line (order_id, line_no, sku, title, quantity, unit_amount)
					values (:orderId, :lineNo, :sku, :title, :quantity, :unitAmount)""")
				.param("orderId", order.id())
				.param("lineNo", ++lineNo)
				.param("sku", line.sku())
				.param("title", line.title())
				.param("quantity", line.quantity())
				.param("unitAmount", line.unitPrice().amount())
				.update();
		}
	}

	/**
	 * Moves {@code before} to {@code after} only if nobody changed the order since
	 * {@code before} was read; false means another writer won.
	 */
	boolean changeStatus(Order before, Order after) {
		// The version names the state read, status included. A status condition here let
		// PostgreSQL pick the status index and read every paid order for each change.
		int rows = this.jdbc.sql("""
				update orders_order set status = :to, version = :nextVersion, updated_at = :at
				where id = :id and version = :version""")
			.param("to", after.status().name())
			.param("nextVersion", after.version())
			.param("at", utc(after.updatedAt()))
			.param("id", before.id())
			.param("version", before.version())
			.update();
		return rows == 1;
	}

	void append(UUID orderId, HistoryEntry entry) {
		this.jdbc.sql("""
				insert into orders_history (order_id, seq, from_status, to_status, actor, note, changed_at)
				values (:orderId, :seq, :from, :to, :actor, :note, :at)""")
			.param("orderId", orderId)
			.param("seq", entry.seq())
			.param("from", (entry.from() != null) ? entry.from().name() : null)
			.param("to", entry.to().name())
			.param("actor", entry.actor())
			.param("note", entry.note())
			.param("at", utc(entry.at()))
			.update();
	}

	Optional<Order> find(UUID id) {
		Optional<Order> header = this.jdbc.sql("select * from orders_order where id = :id")
			.param("id", id)
			.query((rs, row) -> order(rs, List.of()))
			.optional();
		return header.map((order) -> withLines(order, lines(id, order.total().currency())));
	}

	Optional<String> tokenHash(UUID id) {
		return this.jdbc.sql("select token_hash from orders_order where id = :id")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	List<HistoryEntry> history(UUID orderId) {
		return this.jdbc.sql("select * from orders_history where order_id = :orderId order by seq")
			.param("orderId", orderId)
			.query((rs, row) -> new HistoryEntry(rs.getLong("seq"), status(rs.getString("from_status")),
					OrderStatus.valueOf(rs.getString("to_status")), rs.getString("actor"), rs.getString("note"),
					instant(rs, "changed_at")))
			.list();
	}

	ResultPage<OrderSummary> ofCustomer(UUID customerId, int page, int size) {
		Map<String, Object> params = Map.of("customerId", customerId);
		return page("customer_id = :customerId", params, page, size);
	}

	ResultPage<OrderSummary> search(OrderSearch search, int page, int size) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		if (search.status() != null) {
			conditions.add("status = :status");
			params.put("status", search.status().name());
		}
		if (search.email() != null) {
			conditions.add("lower(email) = :email");
			params.put("email", search.email().toLowerCase(Locale.ROOT));
		}
		if (search.from() != null) {
			conditions.add("created_at >= :from");
			params.put("from", utc(search.from()));
		}
		if (search.to() != null) {
			conditions.add("created_at < :to");
			params.put("to", utc(search.to()));
		}
		String where = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
		return page(where, params, page, size);
	}

	// The where clause is assembled from the fixed fragments above only; values are
	// bound.
	private ResultPage<OrderSummary> page(String where, Map<String, Object> params, int page, int size) {
		long total = this.jdbc.sql("select count(*) from orders_order where " + where)
			.params(params)
			.query(Long.class)
			.single();
		List<OrderSummary> items = this.jdbc
			.sql("select " + SUMMARY_COLUMNS + " from orders_order where " + where
					+ " order by created_at desc, order_number desc limit :limit offset :offset")
			.params(params)
			.param("limit", size)
			.param("offset", (long) page * size)
			.query((rs, row) -> new OrderSummary(uuid(rs, "id"), rs.getLong("order_number"),
					rs.getObject("customer_id", UUID.class), rs.getString("email"),
					OrderStatus.valueOf(rs.getString("status")), money(rs), instant(rs, "created_at"),
					instant(rs, "updated_at")))
			.list();
		return new ResultPage<>(items, total, page, size);
	}

	// Lines are priced in the order's currency (checked when placing), so it is not
	// repeated per line.
	private List<OrderLine> lines(UUID orderId, Currency currency) {
		return this.jdbc.sql("select * from orders_line where order_id = :orderId order by line_no")
			.param("orderId", orderId)
			.query((rs, row) -> new OrderLine(rs.getString("sku"), rs.getString("title"), rs.getInt("quantity"),
					new Money(rs.getLong("unit_amount"), currency)))
			.list();
	}

	private static Order withLines(Order order, List<OrderLine> lines) {
		return new Order(order.id(), order.number(), order.customerId(), order.email(), order.shippingAddress(), lines,
				order.total(), order.paymentId(), order.status(), order.version(), order.createdAt(),
				order.updatedAt());
	}

	private static Order order(ResultSet rs, List<OrderLine> lines) throws SQLException {
		ShippingAddress address = new ShippingAddress(rs.getString("ship_name"), rs.getString("ship_line1"),
				rs.getString("ship_line2"), rs.getString("ship_city"), rs.getString("ship_postal_code"),
				rs.getString("ship_country"));
		return new Order(uuid(rs, "id"), rs.getLong("order_number"), rs.getObject("customer_id", UUID.class),
				rs.getString("email"), address, lines, money(rs), rs.getObject("payment_id", UUID.class),
				OrderStatus.valueOf(rs.getString("status")), rs.getLong("version"), instant(rs, "created_at"),
				instant(rs, "updated_at"));
	}

	private static Money money(ResultSet rs) throws SQLException {
		return Money.of(rs.getLong("total_amount"), rs.getString("currency"));
	}

	private static UUID uuid(ResultSet rs, String column) throws SQLException {
		UUID value = rs.getObject(column, UUID.class);
		if (value == null) {
			throw new IllegalStateException(column + " is never null");
		}
		return value;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		if (value == null) {
			throw new IllegalStateException(column + " is never null");
		}
		return value.toInstant();
	}

	private static @Nullable OrderStatus status(@Nullable String name) {
		return (name != null) ? OrderStatus.valueOf(name) : null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
