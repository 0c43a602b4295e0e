package io.emporium.payments.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.emporium.orders.OrderCancelled;
import io.emporium.orders.OrderLine;
import io.emporium.orders.OrderRefunded;
import io.emporium.orders.OrderStatus;
import io.emporium.orders.Orders;
import io.emporium.orders.PlaceOrder;
import io.emporium.orders.ShippingAddress;
import io.emporium.payments.Authorization;
import io.emporium.payments.PaymentCaptured;
import io.emporium.payments.PaymentRefunded;
import io.emporium.payments.PaymentRequest;
import io.emporium.payments.PaymentVoided;
import io.emporium.payments.Payments;
import io.emporium.platform.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Payments react to what happens to orders: the capture follows the commit of the order
 * that was given its payment, the rest follows the events orders publish. This boots the
 * whole application rather than an {@code @ApplicationModuleTest}: the reactions write to
 * real orders' histories, and the platform's jobs, security and migrations are needed to
 * start at all, so a module test would include or mock most of the application.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EnableScenarios
class OrderPaymentsScenarioTests {

	private static final Money TOTAL = Money.of(2598, "EUR");

	@Autowired
	Payments payments;

	@Autowired
	Orders orders;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	private PaymentRows rows;

	@BeforeEach
	void readRows() {
		this.rows = new PaymentRows(this.jdbc);
	}

	@Test
	void capturesThePaymentOfAPaidOrder(Scenario scenario) {
		Authorization authorization = authorize();

		scenario.stimulate(() -> placePaid(authorization))
			.andWaitForEventOfType(PaymentCaptured.class)
			.matchingMappedValue(PaymentCaptured::paymentId, authorization.paymentId())
			.toArriveAndVerify((event, orderId) -> {
				assertThat(event.orderId()).isEqualTo(orderId);
				assertThat(event.amount()).isEqualTo(TOTAL);
				// The history note is the reaction's last step.
				await().untilAsserted(() -> assertThat(notes(orderId)).containsExactly("captured 25.98 EUR"));
				assertThat(this.rows.status(authorization)).isEqualTo("CAPTURED");
				assertThat(this.rows.calls(authorization)).containsExactly("AUTHORIZE SUCCEEDED", "CAPTURE SUCCEEDED");
			});
	}

	@Test
	void voidsTheAuthorizationOfAnOrderCancelledBeforeCapture(Scenario scenario) {
		Authorization authorization = authorize();
		UUID orderId = anotherOrder();

		scenario
			.publish(new OrderCancelled(orderId, null, OrderStatus.PAID, authorization.paymentId(), TOTAL,
					Instant.now()))
			.andWaitForEventOfType(PaymentVoided.class)
			.matchingMappedValue(PaymentVoided::paymentId, authorization.paymentId())
			.toArriveAndVerify(event -> {
				assertThat(event.orderId()).isEqualTo(orderId);
				await().untilAsserted(
						() -> assertThat(notes(orderId)).containsExactly("payment voided (order cancelled)"));
				assertThat(this.rows.status(authorization)).isEqualTo("VOIDED");
				assertThat(this.rows.calls(authorization)).containsExactly("AUTHORIZE SUCCEEDED", "VOID SUCCEEDED");
			});
	}

	@Test
	void refundsTheCapturedPaymentOfACancelledOrder(Scenario scenario) {
		Authorization authorization = authorize();
		UUID orderId = paidAndCaptured(scenario, authorization);

		scenario
			.publish(new OrderCancelled(orderId, null, OrderStatus.PAID, authorization.paymentId(), TOTAL,
					Instant.now()))
			.andWaitForStateChange(() -> notes(orderId), notes -> notes.contains("refunded 25.98 EUR"))
			.andVerify(notes -> {
				assertThat(notes).containsExactly("captured 25.98 EUR", "refunded 25.98 EUR");
				assertThat(this.rows.status(authorization)).isEqualTo("REFUNDED");
				assertThat(this.rows.calls(authorization)).containsExactly("AUTHORIZE SUCCEEDED", "CAPTURE SUCCEEDED",
						"REFUND SUCCEEDED");
			});
	}

	@Test
	void refundsWhatIsStillCapturedWhenAnOrderIsRefunded(Scenario scenario) {
		Authorization authorization = authorize();
		UUID orderId = paidAndCaptured(scenario, authorization);
		this.payments.refund(authorization.paymentId(), "goodwill", Money.of(598, "EUR"), "late delivery");

		scenario
			.publish(new OrderRefunded(orderId, null, OrderStatus.DELIVERED, authorization.paymentId(), TOTAL,
					Instant.now()))
			.andWaitForEventOfType(PaymentRefunded.class)
			.matchingMappedValue(PaymentRefunded::amount, Money.of(2000, "EUR"))
			.toArriveAndVerify(event -> {
				assertThat(event.refundedTotal()).isEqualTo(TOTAL);
				await().untilAsserted(() -> assertThat(notes(orderId)).containsExactly("captured 25.98 EUR",
						"refunded 5.98 EUR", "refunded 20.00 EUR"));
				assertThat(this.rows.status(authorization)).isEqualTo("REFUNDED");
				assertThat(this.rows.calls(authorization)).containsExactly("AUTHORIZE SUCCEEDED", "CAPTURE SUCCEEDED",
						"REFUND SUCCEEDED", "REFUND SUCCEEDED");
			});
	}

	@Test
	void givesNothingBackTwiceWhenACancellationArrivesAgain(Scenario scenario) {
		Authorization authorization = authorize();
		UUID orderId = anotherOrder();
		OrderCancelled cancelled = new OrderCancelled(orderId, null, OrderStatus.PAID, authorization.paymentId(), TOTAL,
				Instant.now());
		scenario.publish(cancelled)
			.andWaitForStateChange(() -> notes(orderId), notes -> !notes.isEmpty())
			.andVerify(notes -> assertThat(this.rows.status(authorization)).isEqualTo("VOIDED"));

		scenario.publish(cancelled)
			.andWaitForStateChange(() -> this.jdbc.sql("""
					select count(*) from event_publication
					where completion_date is null and serialized_event like :payment""")
				.param("payment", "%" + authorization.paymentId() + "%")
				.query(Long.class)
				.single(), count -> count == 0)
			.andVerify(count -> assertThat(this.rows.calls(authorization)).containsExactly("AUTHORIZE SUCCEEDED",
					"VOID SUCCEEDED"));
	}

	private UUID paidAndCaptured(Scenario scenario, Authorization authorization) {
		AtomicReference<UUID> order = new AtomicReference<>();
		scenario.stimulate(() -> placePaid(authorization))
			.andWaitForStateChange(() -> this.rows.status(authorization), "CAPTURED"::equals)
			.andVerify((status, orderId) -> order.set(orderId));
		return order.get();
	}

	/**
	 * What the checkout's settlement does: records the paid order and gives it its
	 * payment.
	 */
	private UUID placePaid(Authorization authorization) {
		return this.transactions.execute(status -> {
			UUID orderId = this.orders.placePaid(order(authorization.paymentId())).orderId();
			this.payments.attach(authorization, orderId);
			return orderId;
		});
	}

	/** An order paid by another payment, to carry the notes of the one under test. */
	private UUID anotherOrder() {
		return this.orders.placePaid(order(UUID.randomUUID())).orderId();
	}

	private Authorization authorize() {
		return this.payments.authorize(
				new PaymentRequest(UUID.randomUUID().toString(), "tok_visa", TOTAL, "cart-" + UUID.randomUUID()));
	}

	private static PlaceOrder order(UUID paymentId) {
		return new PlaceOrder(null, UUID.randomUUID() + "@example.com",
				new ShippingAddress("Ada Lovelace", "1 Analytical Way", null, "London", "N1 7AA", "GB"),
				List.of(new OrderLine("BOOK-1", "The Little Prince", 2, Money.of(1299, "EUR"))), TOTAL, paymentId);
	}

	private List<String> notes(UUID orderId) {
		return this.jdbc.sql("select note from orders_history where order_id = :id and actor = 'payments' order by seq")
			.param("id", orderId)
			.query(String.class)
			.list();
	}

}
