package io.emporium.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.emporium.orders.internal.OrderService;
import io.emporium.platform.ConflictException;
import io.emporium.platform.Money;
import io.emporium.platform.ProblemTypes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The orders module on its own (with the shared platform): placing, changing and noting
 * orders against a real embedded database, and the events that tell other modules.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
@RecordApplicationEvents
class OrdersModuleTests {

	/** Identity signs and checks tokens; no test here sends one. */
	@MockitoBean
	JwtDecoder tokens;

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

	@Autowired
	ApplicationContext context;

	@Test
	void bootsOnlyOrdersAndThePlatform() {
		assertThat(this.context.containsBean("orderService")).isTrue();
		assertThat(this.context.containsBean("cartService")).isFalse();
		assertThat(this.context.containsBean("checkoutService")).isFalse();
		assertThat(this.context.containsBean("inventoryService")).isFalse();
	}

	@Test
	void notesAnotherModulesStepInTheHistoryWithoutChangingTheStatus() {
		UUID orderId = this.orders.placePaid(TestOrders.forCustomer(null)).orderId();

		this.orders.note(orderId, "inventory", "2 x BOOK-1 returned to main");

		assertThat(history(orderId)).extracting("from_status", "to_status", "actor", "note")
			.endsWith(tuple("PAID", "PAID", "inventory", "2 x BOOK-1 returned to main"));
		assertThat(this.jdbc.sql("select status, version from orders_order where id = :id")
			.param("id", orderId)
			.query()
			.singleRow()).containsEntry("status", "PAID").containsEntry("version", 3L);
	}

	@Test
	void anAdminChangeRacingANoteOfAnotherModuleStillLands() throws Exception {
		List<UUID> orders = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			orders.add(this.orders.placePaid(TestOrders.forCustomer(null)).orderId());
		}

		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> work = new ArrayList<>();
			for (UUID orderId : orders) {
				work.add(threads.submit(() -> this.orders.note(orderId, "payments", "captured 35.97 EUR")));
				work.add(threads
					.submit(() -> this.service.transition(orderId, OrderStatus.FULFILLED, "admin:test", null)));
			}
			for (var task : work) {
				task.get();
			}
		}

		for (UUID orderId : orders) {
			assertThat(history(orderId)).extracting("to_status", "actor").contains(tuple("FULFILLED", "admin:test"));
			assertThat(history(orderId)).extracting("actor").contains("payments");
		}
	}

	@Test
	void notesFromTwoModulesAtOnceBothLand() throws Exception {
		UUID orderId = this.orders.placePaid(TestOrders.forCustomer(null)).orderId();

		try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
			var first = threads.submit(() -> this.orders.note(orderId, "inventory", "stock returned"));
			var second = threads.submit(() -> this.orders.note(orderId, "payments", "payment voided"));
			first.get();
			second.get();
		}

		assertThat(history(orderId)).extracting("actor")
			.containsSubsequence("system")
			.contains("inventory", "payments");
	}

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
