package io.emporium.orders.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import io.emporium.orders.OrderCancelled;
import io.emporium.orders.OrderDelivered;
import io.emporium.orders.OrderFulfilled;
import io.emporium.orders.OrderLine;
import io.emporium.orders.OrderPaid;
import io.emporium.orders.OrderPlaced;
import io.emporium.orders.OrderRefunded;
import io.emporium.orders.OrderShipped;
import io.emporium.orders.OrderStatus;
import io.emporium.orders.PlaceOrder;
import io.emporium.orders.ShippingAddress;
import io.emporium.platform.Money;
import io.emporium.platform.ProblemTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class OrderLifecycleTests {

	// Written out by hand on purpose: the table the product owner signed off, not a copy
	// of
	// the code under test.
	private static final Set<String> ALLOWED = Set.of("PLACED->PAID", "PLACED->CANCELLED", "PAID->FULFILLED",
			"PAID->CANCELLED", "PAID->REFUNDED", "FULFILLED->SHIPPED", "FULFILLED->REFUNDED", "SHIPPED->DELIVERED",
			"SHIPPED->REFUNDED", "DELIVERED->REFUNDED");

	private static final Instant CREATED = Instant.parse("2026-11-27T08:00:00Z");

	private static final UUID PAYMENT = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

	private static final Instant LATER = Instant.parse("2026-11-27T09:30:00Z");

	static Stream<Arguments> allPairs() {
		return Arrays.stream(OrderStatus.values())
			.flatMap((from) -> Arrays.stream(OrderStatus.values()).map((to) -> Arguments.of(from, to)));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("allPairs")
	void allowsExactlyTheTransitionsOfTheLifeCycle(OrderStatus from, OrderStatus to) {
		Order order = order(from);

		if (ALLOWED.contains(from + "->" + to)) {
			Order changed = order.transitionTo(to, LATER);

			assertThat(changed.status()).isEqualTo(to);
			assertThat(changed.version()).isEqualTo(order.version() + 1);
			assertThat(changed.updatedAt()).isEqualTo(LATER);
			assertThat(changed.createdAt()).isEqualTo(CREATED);
		}
		else {
			assertThatExceptionOfType(OrderStateConflictException.class).isThrownBy(() -> order.transitionTo(to, LATER))
				.satisfies((ex) -> {
					assertThat(ex.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
					assertThat(ex.getBody().getType()).isEqualTo(ProblemTypes.uri("order-state-conflict"));
					assertThat(ex.getBody().getProperties()).containsEntry("from", from.name())
						.containsEntry("to", to.name());
					assertThat(ex.getBody().getDetail()).contains(from.name()).contains(to.name());
				});
		}
	}

	@ParameterizedTest
	@EnumSource(value = OrderStatus.class, names = { "CANCELLED", "REFUNDED" })
	void leavesNoWayOutOfFinalStatuses(OrderStatus status) {
		assertThat(Order.successors(status)).isEmpty();
	}

	@Test
	void placesNewOrdersAsPlacedAtVersionOne() {
		Order order = order(OrderStatus.PLACED);

		assertThat(order.status()).isEqualTo(OrderStatus.PLACED);
		assertThat(order.version()).isEqualTo(1);
	}

	@Test
	void announcesEachStatusWithItsEvent() {
		Order placed = order(OrderStatus.PLACED);
		Order paid = placed.transitionTo(OrderStatus.PAID, LATER);
		Order fulfilled = paid.transitionTo(OrderStatus.FULFILLED, LATER);
		Order shipped = fulfilled.transitionTo(OrderStatus.SHIPPED, LATER);
		Order delivered = shipped.transitionTo(OrderStatus.DELIVERED, LATER);
		Order refunded = delivered.transitionTo(OrderStatus.REFUNDED, LATER);
		Order cancelled = paid.transitionTo(OrderStatus.CANCELLED, LATER);

		assertThat(placed.announcement(null)).isInstanceOf(OrderPlaced.class);
		assertThat(paid.announcement(OrderStatus.PLACED))
			.isEqualTo(new OrderPaid(paid.id(), PAYMENT, paid.total(), LATER));
		assertThat(fulfilled.announcement(OrderStatus.PAID)).isInstanceOf(OrderFulfilled.class);
		assertThat(shipped.announcement(OrderStatus.FULFILLED)).isInstanceOf(OrderShipped.class);
		assertThat(delivered.announcement(OrderStatus.SHIPPED)).isInstanceOf(OrderDelivered.class);
		assertThat(refunded.announcement(OrderStatus.DELIVERED)).isEqualTo(new OrderRefunded(refunded.id(),
				refunded.customerId(), OrderStatus.DELIVERED, PAYMENT, refunded.total(), LATER));
		assertThat(cancelled.announcement(OrderStatus.PAID)).isEqualTo(new OrderCancelled(cancelled.id(),
				cancelled.customerId(), OrderStatus.PAID, PAYMENT, cancelled.total(), LATER));
	}

	@Test
	void refusesLinesInAnotherCurrency() {
		PlaceOrder command = new PlaceOrder(null, "a@example.com", address(),
				List.of(new OrderLine("BOOK-1", "A book", 1, Money.of(1299, "USD"))), Money.of(1299, "EUR"), PAYMENT);

		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> Order.place(UUID.randomUUID(), 1, command, CREATED));
	}

	private static Order order(OrderStatus status) {
		return new Order(UUID.randomUUID(), 100001, UUID.randomUUID(), "a@example.com", address(),
				List.of(new OrderLine("BOOK-1", "A book", 2, Money.of(1299, "EUR"))), Money.of(2598, "EUR"), PAYMENT,
				status, 1 + status.ordinal(), CREATED, CREATED);
	}

	private static ShippingAddress address() {
		return new ShippingAddress("Ada Lovelace", "1 Analytical Way", null, "London", "N1 7AA", "GB");
	}

}
