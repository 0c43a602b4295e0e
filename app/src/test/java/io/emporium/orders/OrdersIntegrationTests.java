package io.emporium.orders;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.emporium.orders.internal.OrderService;
import io.emporium.platform.ConflictException;
import io.emporium.platform.Money;
import io.emporium.platform.ProblemTypes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@RecordApplicationEvents
class OrdersIntegrationTests {

	@Autowired
	Orders orders;

	@Autowired
	OrderService service;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEvents events;

	@Test
	void placesAPaidOrderWithTwoHistoryRows() {
		UUID customerId = UUID.randomUUID();

		PlacedOrder placed = this.orders.placePaid(TestOrders.forCustomer(customerId));

		assertThat(placed.status()).isEqualTo(OrderStatus.PAID);
		assertThat(placed.total()).isEqualTo(Money.of(3597, "EUR"));
		assertThat(placed.orderToken()).hasSizeGreaterThanOrEqualTo(40);
		assertThat(history(placed.orderId())).extracting("from_status", "to_status", "actor")
			.containsExactly(tuple(null, "PLACED", "customer:" + customerId), tuple("PLACED", "PAID", "system"));
		assertThat(this.jdbc.sql("select status, version from orders_order where id = :id")
			.param("id", placed.orderId())
			.query()
			.singleRow()).containsEntry("status", "PAID").containsEntry("version", 2L);
	}

	@Test
	void storesOnlyTheHashOfTheToken() {
		PlacedOrder placed = this.orders.placePaid(TestOrders.forCustomer(null));

		String stored = this.jdbc.sql("select token_hash from orders_order where id = :id")
			.param("id", placed.orderId())
			.query(String.class)
			.single();

		assertThat(stored).hasSize(64).isNotEqualTo(placed.orderToken());
	}

	@Test
	void publishesOrderPlacedAndOrderPaid() {
		UUID customerId = UUID.randomUUID();

		PlacedOrder placed = this.orders.placePaid(TestOrders.forCustomer(customerId));

		assertThat(this.events.stream(OrderPlaced.class)).singleElement().satisfies((event) -> {
			assertThat(event.orderId()).isEqualTo(placed.orderId());
			assertThat(event.customerId()).isEqualTo(customerId);
			assertThat(event.total()).isEqualTo(placed.total());
		});
		assertThat(this.events.stream(OrderPaid.class)).singleElement().satisfies((event) -> {
			assertThat(event.orderId()).isEqualTo(placed.orderId());
			assertThat(event.paymentId()).isNotNull();
		});
	}

	@Test
	void joinsTheCallersTransaction() {
		PlacedOrder placed = this.transactions.execute((status) -> {
			PlacedOrder order = this.orders.placePaid(TestOrders.forCustomer(null));
			status.setRollbackOnly();
			return order;
		});

		assertThat(count("select count(*) from orders_order where id = :id", placed.orderId())).isZero();
		assertThat(count("select count(*) from orders_history where order_id = :id", placed.orderId())).isZero();
	}

	@Test
	void appendsHistoryAndPublishesOnEveryTransition() {
		UUID orderId = this.orders.placePaid(TestOrders.forCustomer(null)).orderId();
		String admin = "admin:" + UUID.randomUUID();

		this.service.transition(orderId, OrderStatus.FULFILLED, admin, null);
		this.service.transition(orderId, OrderStatus.SHIPPED, admin, "DHL 123");
		this.service.transition(orderId, OrderStatus.DELIVERED, "system", null);
		this.service.transition(orderId, OrderStatus.REFUNDED, admin, "damaged on arrival");

		assertThat(history(orderId)).extracting("seq", "to_status", "actor", "note")
			.containsExactly(tuple(1L, "PLACED", "guest", null), tuple(2L, "PAID", "system", null),
					tuple(3L, "FULFILLED", admin, null), tuple(4L, "SHIPPED", admin, "DHL 123"),
					tuple(5L, "DELIVERED", "system", null), tuple(6L, "REFUNDED", admin, "damaged on arrival"));
		assertThat(this.events.stream(OrderFulfilled.class)).hasSize(1);
		assertThat(this.events.stream(OrderShipped.class)).singleElement()
			.extracting(OrderShipped::orderId)
			.isEqualTo(orderId);
		assertThat(this.events.stream(OrderDelivered.class)).hasSize(1);
		assertThat(this.events.stream(OrderRefunded.class)).singleElement()
			.satisfies((event) -> assertThat(event.from()).isEqualTo(OrderStatus.DELIVERED));
	}

	@Test
	void refusesAnIllegalTransitionWithoutWritingHistory() {
		UUID orderId = this.orders.placePaid(TestOrders.forCustomer(null)).orderId();

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.service.transition(orderId, OrderStatus.DELIVERED, "system", null))
			.satisfies((ex) -> assertThat(ex.getBody().getType()).isEqualTo(ProblemTypes.uri("order-state-conflict")));

		assertThat(history(orderId)).hasSize(2);
		assertThat(this.events.stream(OrderDelivered.class)).isEmpty();
	}

	@Test
	void publishesCancellationWithThePreviousStatus() {
		UUID orderId = this.orders.placePaid(TestOrders.forCustomer(null)).orderId();

		this.service.transition(orderId, OrderStatus.CANCELLED, "system", "out of print");

		assertThat(this.events.stream(OrderCancelled.class)).singleElement()
			.satisfies((event) -> assertThat(event.from()).isEqualTo(OrderStatus.PAID));
	}

	private List<Map<String, Object>> history(UUID orderId) {
		return this.jdbc.sql("select * from orders_history where order_id = :id order by seq")
			.param("id", orderId)
			.query()
			.listOfRows();
	}

	private long count(String sql, UUID id) {
		return this.jdbc.sql(sql).param("id", id).query(Long.class).single();
	}

}
