package io.emporium.inventory.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.emporium.inventory.Inventory;
import io.emporium.inventory.ReservationId;
import io.emporium.inventory.SkuDirectory;
import io.emporium.inventory.SoldOutException;
import io.emporium.inventory.StockCount;
import io.emporium.inventory.StockLevels;
import io.emporium.inventory.StockLine;
import io.emporium.inventory.StockReturned;
import io.emporium.inventory.Warehouse;
import io.emporium.orders.OrderCancelled;
import io.emporium.orders.OrderRefunded;
import io.emporium.orders.OrderStatus;
import io.emporium.orders.Orders;
import io.emporium.platform.ConflictException;
import io.emporium.platform.Money;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The inventory module on its own (with platform, which it builds on) against a real
 * embedded database: reservations with real threads where it matters, the expiry job, and
 * the reaction to cancelled and refunded orders. Orders and the catalog are stand-ins.
 * Every test makes its own SKUs and warehouses.
 */
@ApplicationModuleTest(extraIncludes = "platform")
@ActiveProfiles("test")
class InventoryModuleTests {

	@MockitoBean
	Orders orders;

	/** Platform's security chain checks tokens with the identity module's decoder. */
	@MockitoBean
	JwtDecoder jwtDecoder;

	private final Inventory inventory;

	private final ReservationExpiryJob expiryJob;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final MeterRegistry meters;

	private final CompletedEventPublications completed;

	private String sku;

	InventoryModuleTests(Inventory inventory, ReservationExpiryJob expiryJob, JdbcClient jdbc, Clock clock,
			MeterRegistry meters, CompletedEventPublications completed) {
		this.inventory = inventory;
		this.expiryJob = expiryJob;
		this.jdbc = jdbc;
		this.clock = clock;
		this.meters = meters;
		this.completed = completed;
	}

	@BeforeEach
	void freshSku() {
		this.sku = newSku();
	}

	@Test
	void bootsOnlyInventoryAndPlatform(ApplicationContext context) {
		List<String> others = Stream.of(context.getBeanDefinitionNames())
			.map(context::getType)
			.filter(Objects::nonNull)
			.filter(type -> type.getPackageName().startsWith("io.emporium."))
			.filter(type -> !Orders.class.isAssignableFrom(type))
			.map(Class::getName)
			.filter(name -> !name.startsWith("io.emporium.inventory.") && !name.startsWith("io.emporium.platform."))
			.toList();

		assertThat(others).isEmpty();
		assertThat(context.getBeanNamesForType(io.emporium.catalog.Catalog.class)).isEmpty();
		assertThat(context.getBeanDefinitionNames()).noneMatch(name -> name.toLowerCase().contains("checkout"));
	}

	@Test
	void reservesStockWhenEnoughIsOnHand() {
		this.inventory.setStock(List.of(new StockCount(this.sku, Warehouse.MAIN, 10)));

		this.inventory.reserve(List.of(new StockLine(this.sku, 3)));

		assertThat(this.inventory.available(List.of(this.sku))).containsEntry(this.sku, 7);
		assertThat(level(Warehouse.MAIN)).isEqualTo(new StockLevels.Level(Warehouse.MAIN, 10, 3));
	}

	@Test
	void showsHoldsAndReleasesAtOnceThoughAvailabilityIsCached() {
		this.inventory.setStock(List.of(new StockCount(this.sku, Warehouse.MAIN, 10)));
		assertThat(this.inventory.available(List.of(this.sku))).containsEntry(this.sku, 10);

		ReservationId held = this.inventory.reserve(List.of(new StockLine(this.sku, 4)));
		assertThat(this.inventory.available(List.of(this.sku))).containsEntry(this.sku, 6);
		this.inventory.release(held);
		assertThat(this.inventory.available(List.of(this.sku))).containsEntry(this.sku, 10);
		this.inventory.setStock(List.of(new StockCount(this.sku, Warehouse.MAIN, 3)));

		assertThat(this.inventory.available(List.of(this.sku))).containsEntry(this.sku, 3);
	}

	@Test
	void neverSellsMoreThanIsOnHandWhenManyBuyersRace() throws Exception {
		this.inventory.setStock(List.of(new StockCount(this.sku, Warehouse.MAIN, 50)));
		int buyers = 200;
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<Boolean>> attempts = new ArrayList<>();
		for (int i = 0; i < buyers; i++) {
			attempts.add(() -> {
				start.await();
				try {
					this.inventory.reserve(List.of(new StockLine(this.sku, 1)));
					return true;
				}
				catch (SoldOutException ex) {
					return false;
				}
			});
		}

		List<Future<Boolean>> results;
		try (ExecutorService threads = Executors.newFixedThreadPool(buyers)) {
			List<Future<Boolean>> submitted = attempts.stream().map(threads::submit).toList();
			start.countDown();
			results = submitted;
		}

		long held = 0;
		for (Future<Boolean> result : results) {
			if (result.get()) {
				held++;
			}
		}
		assertThat(held).isEqualTo(50);
		assertThat(level(Warehouse.MAIN)).isEqualTo(new StockLevels.Level(Warehouse.MAIN, 50, 50));
		assertThat(this.inventory.available(List.of(this.sku))).containsEntry(this.sku, 0);
		assertThat(this.jdbc.sql("select sum(quantity) from inventory_reservation_line where sku = :sku")
			.param("sku", this.sku)
			.query(Long.class)
			.single()).isEqualTo(50L);
	}

	@Test
	void triesWarehousesByPriorityAndSplitsWhenNoneHasEnough() {
		String first = warehouse(30);
		String second = warehouse(40);
		this.inventory.setStock(List.of(new StockCount(this.sku, first, 3), new StockCount(this.sku, second, 4)));

		this.inventory.reserve(List.of(new StockLine(this.sku, 2)));
		int firstHeldInFirst = level(first).reserved();
		this.inventory.reserve(List.of(new StockLine(this.sku, 5)));

		assertThat(firstHeldInFirst).isEqualTo(2);
		assertThat(level(first).reserved()).isEqualTo(3);
		assertThat(level(second).reserved()).isEqualTo(4);
		assertThat(this.inventory.available(List.of(this.sku))).containsEntry(this.sku, 0);
	}

	@Test
	void holdsNothingWhenOneLineIsSoldOut() {
		String other = newSku();
		this.inventory
			.setStock(List.of(new StockCount(this.sku, Warehouse.MAIN, 5), new StockCount(other, Warehouse.MAIN, 1)));

		assertThatExceptionOfType(SoldOutException.class)
			.isThrownBy(() -> this.inventory.reserve(List.of(new StockLine(this.sku, 2), new StockLine(other, 2))))
			.satisfies(ex -> assertThat(ex.sku()).isEqualTo(other));

		assertThat(this.inventory.available(List.of(this.sku, other))).containsEntry(this.sku, 5)
			.containsEntry(other, 1);
	}

	@Test
	void confirmingTakesUnitsOutOfStockOnce() {
		this.inventory.setStock(List.of(new StockCount(this.sku, Warehouse.MAIN, 10)));
		ReservationId reservation = this.inventory.reserve(List.of(new StockLine(this.sku, 4)));
		UUID order = UUID.randomUUID();

		this.inventory.confirm(reservation, order);
		this.inventory.confirm(reservation, order);
		this.inventory.release(reservation);

		assertThat(level(Warehouse.MAIN)).isEqualTo(new StockLevels.Level(Warehouse.MAIN, 6, 0));
		assertThat(status(reservation)).isEqualTo("CONFIRMED");
	}

	@Test
	void releasingGivesUnitsBackOnce() {
		this.inventory.setStock(List.of(new StockCount(this.sku, Warehouse.MAIN, 10)));
		ReservationId reservation = this.inventory.reserve(List.of(new StockLine(this.sku, 4)));

		this.inventory.release(reservation);
		this.inventory.release(reservation);

		assertThat(level(Warehouse.MAIN)).isEqualTo(new StockLevels.Level(Warehouse.MAIN, 10, 0));
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.inventory.confirm(reservation, UUID.randomUUID()));
	}

	@Test
	void refusesAStockCountBelowWhatIsReserved() {
		this.inventory.setStock(List.of(new StockCount(this.sku, Warehouse.MAIN, 10)));
		this.inventory.reserve(List.of(new StockLine(this.sku, 4)));

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.inventory.setStock(List.of(new StockCount(this.sku, Warehouse.MAIN, 3))));

		assertThat(level(Warehouse.MAIN)).isEqualTo(new StockLevels.Level(Warehouse.MAIN, 10, 4));
	}

	@Test
	void countsAvailabilityOverAllWarehousesInOneAnswer() {
		String unknown = newSku();
		String second = warehouse(20);
		this.inventory
			.setStock(List.of(new StockCount(this.sku, Warehouse.MAIN, 2), new StockCount(this.sku, second, 5)));

		Map<String, Integer> available = this.inventory.available(List.of(this.sku, unknown));

		assertThat(available).containsEntry(this.sku, 7).containsEntry(unknown, 0);
	}

	@Test
	void expiryJobReleasesHoldsPastTheirExpiryOnly() {
		this.inventory.setStock(List.of(new StockCount(this.sku, Warehouse.MAIN, 10)));
		ReservationId reservation = this.inventory.reserve(List.of(new StockLine(this.sku, 4)));

		this.expiryJob.releaseExpired(this.clock.instant().plus(Duration.ofMinutes(1)));
		assertThat(status(reservation)).isEqualTo("HELD");

		this.expiryJob.releaseExpired(this.clock.instant().plus(Duration.ofMinutes(16)));
		this.expiryJob.releaseExpired(this.clock.instant().plus(Duration.ofMinutes(17)));

		assertThat(status(reservation)).isEqualTo("RELEASED");
		assertThat(level(Warehouse.MAIN)).isEqualTo(new StockLevels.Level(Warehouse.MAIN, 10, 0));
	}

	@Test
	void expiryJobReleasesTheOtherHoldsWhenOneCannotBeReleasedAndRetriesItNextRun() {
		List<String> skus = List.of(newSku(), newSku(), newSku());
		this.inventory.setStock(skus.stream().map(sku -> new StockCount(sku, Warehouse.MAIN, 5)).toList());
		List<ReservationId> holds = skus.stream()
			.map(sku -> this.inventory.reserve(List.of(new StockLine(sku, 2))))
			.toList();
		// The middle hold's units are no longer counted as reserved, so releasing it
		// fails.
		this.jdbc.sql("update inventory_stock set reserved = 0 where sku = :sku").param("sku", skus.get(1)).update();
		double failuresBefore = failures();
		Instant later = this.clock.instant().plus(Duration.ofMinutes(16));

		// One hold per page: a failed hold must not be read again in the same run.
		this.expiryJob.releaseExpired(later, 1);

		assertThat(holds.stream().map(this::status)).containsExactly("RELEASED", "HELD", "RELEASED");
		assertThat(failures() - failuresBefore).isEqualTo(1.0);
		assertThat(this.inventory.levels(skus.get(0)).levels())
			.containsExactly(new StockLevels.Level(Warehouse.MAIN, 5, 0));

		this.jdbc.sql("update inventory_stock set reserved = 2 where sku = :sku").param("sku", skus.get(1)).update();
		this.expiryJob.releaseExpired(later);

		assertThat(status(holds.get(1))).isEqualTo("RELEASED");
		assertThat(this.inventory.levels(skus.get(1)).levels())
			.containsExactly(new StockLevels.Level(Warehouse.MAIN, 5, 0));
		assertThat(failures() - failuresBefore).isEqualTo(1.0);
	}

	/**
	 * The publication completes only after the reaction's commit, so waiting for that
	 * (not only for the event, published inside the reaction) makes the stock safe to
	 * read.
	 */
	@Test
	void returnsACancelledOrdersUnitsToTheWarehousesTheyCameFrom(Scenario scenario) {
		String first = warehouse(30);
		String second = warehouse(40);
		this.inventory.setStock(List.of(new StockCount(this.sku, first, 3), new StockCount(this.sku, second, 4)));
		UUID order = UUID.randomUUID();
		ReservationId reservation = this.inventory.reserve(List.of(new StockLine(this.sku, 5)));
		this.inventory.confirm(reservation, order);

		scenario.publish(cancelled(order))
			.andWaitForStateChange(handled(order, 1))
			.andExpect(StockReturned.class)
			.matchingMappedValue(StockReturned::orderId, order)
			.toArriveAndVerify(returned -> {
				assertThat(returned.reservation()).isEqualTo(reservation);
				assertThat(returned.lines()).containsExactly(new StockLine(this.sku, 5));
			});

		assertThat(level(first)).isEqualTo(new StockLevels.Level(first, 3, 0));
		assertThat(level(second)).isEqualTo(new StockLevels.Level(second, 4, 0));
		assertThat(this.inventory.available(List.of(this.sku))).containsEntry(this.sku, 7);
		assertThat(status(reservation)).isEqualTo("RETURNED");
		ArgumentCaptor<String> note = ArgumentCaptor.forClass(String.class);
		verify(this.orders).note(eq(order), eq("inventory"), note.capture());
		assertThat(note.getValue().split(", ")).containsExactlyInAnyOrder("3 × " + this.sku + " returned to " + first,
				"2 × " + this.sku + " returned to " + second);
	}

	@Test
	void returnsNothingMoreWhenTheCancellationArrivesAgain(Scenario scenario) {
		this.inventory.setStock(List.of(new StockCount(this.sku, Warehouse.MAIN, 10)));
		UUID order = UUID.randomUUID();
		ReservationId reservation = this.inventory.reserve(List.of(new StockLine(this.sku, 4)));
		this.inventory.confirm(reservation, order);
		OrderCancelled cancelled = cancelled(order);
		scenario.publish(cancelled).andWaitForStateChange(handled(order, 1)).andExpect(StockReturned.class).toArrive();

		scenario.publish(cancelled)
			.andWaitForStateChange(handled(order, 2))
			.andVerifyEvents(events -> assertThat(events.ofType(StockReturned.class)).as("only the first delivery's")
				.hasSize(1));

		assertThat(level(Warehouse.MAIN)).isEqualTo(new StockLevels.Level(Warehouse.MAIN, 10, 0));
		assertThat(status(reservation)).isEqualTo("RETURNED");
		verify(this.orders).note(any(), anyString(), anyString());
	}

	@Test
	void returnsTheUnitsOfAnOrderRefundedBeforeShipping(Scenario scenario) {
		this.inventory.setStock(List.of(new StockCount(this.sku, Warehouse.MAIN, 10)));
		UUID order = UUID.randomUUID();
		ReservationId reservation = this.inventory.reserve(List.of(new StockLine(this.sku, 4)));
		this.inventory.confirm(reservation, order);

		scenario.publish(refunded(order, OrderStatus.FULFILLED))
			.andWaitForStateChange(handled(order, 1))
			.andExpect(StockReturned.class)
			.matchingMappedValue(StockReturned::orderId, order)
			.toArrive();

		assertThat(level(Warehouse.MAIN)).isEqualTo(new StockLevels.Level(Warehouse.MAIN, 10, 0));
		assertThat(status(reservation)).isEqualTo("RETURNED");
	}

	@Test
	void returnsNothingWhenTheOrderIsRefundedAfterShipping(Scenario scenario) {
		this.inventory.setStock(List.of(new StockCount(this.sku, Warehouse.MAIN, 10)));
		UUID order = UUID.randomUUID();
		ReservationId reservation = this.inventory.reserve(List.of(new StockLine(this.sku, 4)));
		this.inventory.confirm(reservation, order);

		scenario.publish(refunded(order, OrderStatus.SHIPPED))
			.andWaitForStateChange(handled(order, 1))
			.andVerifyEvents(events -> assertThat(events.ofType(StockReturned.class)).isEmpty());

		assertThat(level(Warehouse.MAIN)).isEqualTo(new StockLevels.Level(Warehouse.MAIN, 6, 0));
		assertThat(status(reservation)).isEqualTo("CONFIRMED");
		verify(this.orders, never()).note(any(), anyString(), anyString());
	}

	@Test
	void ignoresTheCancellationOfAnOrderWithoutReservation(Scenario scenario) {
		UUID order = UUID.randomUUID();

		scenario.publish(cancelled(order))
			.andWaitForStateChange(handled(order, 1))
			.andVerifyEvents(events -> assertThat(events.ofType(StockReturned.class)).isEmpty());

		verify(this.orders, never()).note(any(), anyString(), anyString());
	}

	/**
	 * True once inventory has finished reacting to this order's events {@code times}
	 * times (its publications are completed).
	 */
	private Supplier<Boolean> handled(UUID order, int times) {
		return () -> this.completed.findAll()
			.stream()
			.map(EventPublication::getEvent)
			.filter(event -> (event instanceof OrderCancelled cancelled && cancelled.orderId().equals(order))
					|| (event instanceof OrderRefunded refunded && refunded.orderId().equals(order)))
			.count() >= times;
	}

	private OrderCancelled cancelled(UUID order) {
		return new OrderCancelled(order, null, OrderStatus.PAID, UUID.randomUUID(), Money.of(1000, "EUR"),
				this.clock.instant());
	}

	private OrderRefunded refunded(UUID order, OrderStatus from) {
		return new OrderRefunded(order, null, from, UUID.randomUUID(), Money.of(1000, "EUR"), this.clock.instant());
	}

	private double failures() {
		return this.meters.get("emporium.inventory.expiry.failures").counter().count();
	}

	private String warehouse(int priority) {
		String code = "w-" + UUID.randomUUID().toString().substring(0, 8);
		this.inventory.addWarehouse(new Warehouse(code, "Warehouse " + code, priority));
		return code;
	}

	private static String newSku() {
		return "T-" + UUID.randomUUID();
	}

	private StockLevels.Level level(String warehouse) {
		return this.inventory.levels(this.sku)
			.levels()
			.stream()
			.filter(level -> level.warehouse().equals(warehouse))
			.findFirst()
			.orElseThrow();
	}

	private String status(ReservationId reservation) {
		return this.jdbc.sql("select status from inventory_reservation where id = :id")
			.param("id", reservation.value())
			.query(String.class)
			.single();
	}

	/** The catalog's part: every SKU a test makes up is one the store sells. */
	@TestConfiguration(proxyBeanMethods = false)
	static class StandIns {

		@Bean
		SkuDirectory skuDirectory() {
			return sku -> true;
		}

	}

}
