package io.emporium.payments.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.emporium.payments.Authorization;
import io.emporium.payments.PaymentMismatchException;
import io.emporium.payments.PaymentRequest;
import io.emporium.payments.PaymentUnavailableException;
import io.emporium.payments.Payments;
import io.emporium.payments.internal.Payment.Operation;
import io.emporium.platform.ConflictException;
import io.emporium.platform.InvalidRequestException;
import io.emporium.platform.Money;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Payments against the real embedded database and the sandbox gateway, without orders:
 * the status rules, idempotency, and reconciliation of what the gateway failed to do.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PaymentsIntegrationTests {

	private static final Money PRICE = Money.of(1299, "EUR");

	@Autowired
	Payments payments;

	@Autowired
	SandboxGateway sandbox;

	@Autowired
	ReconciliationJob reconciliation;

	@Autowired
	UnclaimedAuthorizations unclaimed;

	@Autowired
	Captures captures;

	@Autowired
	PaymentRepository repository;

	@Autowired
	JdbcClient jdbc;

	private PaymentRows rows;

	@BeforeEach
	void readRows() {
		this.rows = new PaymentRows(this.jdbc);
	}

	@Autowired
	Clock clock;

	@Autowired
	MeterRegistry meters;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void authorizesWithoutCapturing() {
		Authorization authorization = authorize("tok_visa", PRICE);

		assertThat(authorization.amount()).isEqualTo(PRICE);
		assertThat(authorization.last4()).isEqualTo("4242");
		assertThat(this.rows.status(authorization)).isEqualTo("AUTHORIZED");
		assertThat(this.rows.calls(authorization)).containsExactly("AUTHORIZE SUCCEEDED");
	}

	@Test
	void answersTheSameKeyWithTheFirstAuthorization() {
		PaymentRequest request = request("tok_visa", PRICE);

		Authorization first = this.payments.authorize(request);
		Authorization second = this.payments.authorize(request);

		assertThat(second).isEqualTo(first);
		assertThat(this.rows.calls(first)).containsExactly("AUTHORIZE SUCCEEDED");
	}

	@Test
	void refusesTheSameKeyForAnotherAmountAndVoidsTheFirstAuthorization() {
		PaymentRequest request = request("tok_visa", PRICE);
		Authorization first = this.payments.authorize(request);

		assertThatExceptionOfType(PaymentMismatchException.class)
			.isThrownBy(() -> this.payments.authorize(
					new PaymentRequest(request.idempotencyKey(), "tok_visa", Money.of(1, "EUR"), request.cartId())))
			.satisfies(ex -> assertThat(ex.getBody().getType().toString()).endsWith("/payment-mismatch"));

		assertThat(this.rows.status(first)).isEqualTo("VOIDED");
		assertThat(this.rows.calls(first)).containsExactly("AUTHORIZE SUCCEEDED", "VOID SUCCEEDED");
	}

	@Test
	void keepsAnOutageAndAuthorizesOnTheRetryWithTheSameKey() {
		PaymentRequest outage = request("tok_error", PRICE);

		assertThatExceptionOfType(PaymentUnavailableException.class).isThrownBy(() -> this.payments.authorize(outage));
		Authorization retried = this.payments
			.authorize(new PaymentRequest(outage.idempotencyKey(), "tok_visa", PRICE, outage.cartId()));

		assertThat(this.rows.status(retried)).isEqualTo("AUTHORIZED");
		assertThat(this.rows.calls(retried)).containsExactly("AUTHORIZE FAILED", "AUTHORIZE SUCCEEDED");
	}

	@Test
	void voidsAndCapturesAlsoWhenCalledInsideTheCallersTransaction() {
		Authorization voided = authorize("tok_visa", PRICE);
		Authorization captured = authorize("tok_visa", PRICE);
		UUID order = UUID.randomUUID();

		this.transactions.executeWithoutResult(status -> {
			this.payments.voidAuthorization(voided.paymentId(), "caller's transaction");
			this.payments.capture(captured.paymentId(), order);
		});

		assertThat(this.rows.status(voided)).isEqualTo("VOIDED");
		assertThat(this.rows.calls(voided)).containsExactly("AUTHORIZE SUCCEEDED", "VOID SUCCEEDED");
		assertThat(this.rows.status(captured)).isEqualTo("CAPTURED");
		assertThat(this.rows.calls(captured)).containsExactly("AUTHORIZE SUCCEEDED", "CAPTURE SUCCEEDED");
	}

	@Test
	void aPaymentGivenToAnOrderIsCapturedForThatOrderOnceItsTransactionCommits() {
		Authorization authorization = authorize("tok_visa", PRICE);
		UUID order = UUID.randomUUID();

		this.transactions.executeWithoutResult(status -> this.payments.attach(authorization, order));

		await().untilAsserted(() -> assertThat(this.rows.status(authorization)).isEqualTo("CAPTURED"));
		assertThat(this.rows.column(authorization, "order_id")).isEqualTo(order.toString());
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.payments.attach(authorization, UUID.randomUUID()));
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.payments.capture(authorization.paymentId(), UUID.randomUUID()));
		this.payments.capture(authorization.paymentId(), order);
		assertThat(this.rows.calls(authorization)).containsExactly("AUTHORIZE SUCCEEDED", "CAPTURE SUCCEEDED");
	}

	/**
	 * A node that stopped between the order's commit and its capture left the payment
	 * given to the order and uncaptured: a worker captures it once it is old enough, and
	 * leaves one whose failed capture reconciliation retries to reconciliation.
	 */
	@Test
	void capturesAPaymentGivenToItsOrderThatNoNodeCapturedOnceItIsOld() {
		Authorization stranded = authorize("tok_visa", PRICE);
		UUID order = UUID.randomUUID();
		// What the order's transaction wrote; the node stopped before its capture ran.
		this.transactions.executeWithoutResult(status -> assertThat(
				this.repository.claim(stranded.paymentId(), Operation.CAPTURE, order, this.clock.instant()))
			.isTrue());
		Authorization failing = authorize("tok_capture_fails", PRICE);
		this.transactions.executeWithoutResult(status -> this.payments.attach(failing, UUID.randomUUID()));
		await().untilAsserted(
				() -> assertThat(this.rows.calls(failing)).containsExactly("AUTHORIZE SUCCEEDED", "CAPTURE FAILED"));

		this.captures.captureOlderThanAllowed(this.clock.instant().plus(Duration.ofSeconds(30)));
		assertThat(this.rows.status(stranded)).isEqualTo("AUTHORIZED");

		// Other tests' payments share the database; each run takes a batch of them.
		while (this.captures.captureOlderThanAllowed(this.clock.instant().plus(Duration.ofMinutes(2))) > 0) {
		}
		assertThat(this.rows.status(stranded)).isEqualTo("CAPTURED");
		assertThat(this.rows.column(stranded, "order_id")).isEqualTo(order.toString());
		assertThat(this.rows.calls(stranded)).containsExactly("AUTHORIZE SUCCEEDED", "CAPTURE SUCCEEDED");
		assertThat(this.rows.calls(failing)).containsExactly("AUTHORIZE SUCCEEDED", "CAPTURE FAILED");
	}

	@Test
	void aPaymentWhoseOrderWasRolledBackIsVoidedAndCannotBeGivenToAnotherOrder() {
		Authorization authorization = authorize("tok_visa", PRICE);

		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.transactions.executeWithoutResult(status -> {
				this.payments.attach(authorization, UUID.randomUUID());
				throw new IllegalStateException("the order could not be recorded");
			}));
		this.payments.voidAuthorization(authorization.paymentId(), "checkout failed");

		assertThat(this.rows.status(authorization)).isEqualTo("VOIDED");
		assertThat(this.rows.calls(authorization)).containsExactly("AUTHORIZE SUCCEEDED", "VOID SUCCEEDED");
		assertThat(this.rows.column(authorization, "coalesce(cast(order_id as varchar(64)), 'none')"))
			.isEqualTo("none");
		assertThatExceptionOfType(ConflictException.class).isThrownBy(() -> this.transactions
			.executeWithoutResult(status -> this.payments.attach(authorization, UUID.randomUUID())));
	}

	@Test
	void voidsAnAuthorizationNoOrderTookOnceItIsOld() {
		Authorization orphan = authorize("tok_visa", PRICE);
		Authorization attached = authorize("tok_visa", PRICE);
		this.transactions.executeWithoutResult(status -> this.payments.attach(attached, UUID.randomUUID()));
		await().untilAsserted(() -> assertThat(this.rows.status(attached)).isEqualTo("CAPTURED"));

		this.unclaimed.voidOlderThanAllowed(this.clock.instant().plus(Duration.ofMinutes(9)));
		assertThat(this.rows.status(orphan)).isEqualTo("AUTHORIZED");

		// Other tests' authorizations share the database; each run takes a batch of them.
		while (this.unclaimed.voidOlderThanAllowed(this.clock.instant().plus(Duration.ofMinutes(11))) > 0) {
		}
		assertThat(this.rows.status(orphan)).isEqualTo("VOIDED");
		assertThat(this.rows.calls(orphan)).containsExactly("AUTHORIZE SUCCEEDED", "VOID SUCCEEDED");
		assertThat(this.rows.status(attached)).isEqualTo("CAPTURED");
	}

	@Test
	void capturesOnceHoweverOftenAsked() {
		Authorization authorization = authorize("tok_visa", PRICE);
		UUID order = UUID.randomUUID();

		this.payments.capture(authorization.paymentId(), order);
		this.payments.capture(authorization.paymentId(), order);

		assertThat(this.rows.status(authorization)).isEqualTo("CAPTURED");
		assertThat(this.rows.calls(authorization)).containsExactly("AUTHORIZE SUCCEEDED", "CAPTURE SUCCEEDED");
		assertThat(this.rows.column(authorization, "order_id")).isEqualTo(order.toString());
	}

	@Test
	void refusesToCaptureAVoidedPaymentOrForAnotherOrder() {
		Authorization voided = authorize("tok_visa", PRICE);
		this.payments.voidAuthorization(voided.paymentId(), "checkout failed");
		Authorization captured = authorize("tok_visa", PRICE);
		this.payments.capture(captured.paymentId(), UUID.randomUUID());

		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.payments.capture(voided.paymentId(), UUID.randomUUID()));
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.payments.capture(captured.paymentId(), UUID.randomUUID()));
	}

	@Test
	void voidsOnceHoweverOftenAsked() {
		Authorization authorization = authorize("tok_visa", PRICE);

		this.payments.voidAuthorization(authorization.paymentId(), "checkout failed");
		this.payments.voidAuthorization(authorization.paymentId(), "checkout failed");

		assertThat(this.rows.status(authorization)).isEqualTo("VOIDED");
		assertThat(this.rows.calls(authorization)).containsExactly("AUTHORIZE SUCCEEDED", "VOID SUCCEEDED");
	}

	@Test
	void refundsInsteadOfVoidingACapturedPayment() {
		Authorization authorization = authorize("tok_visa", PRICE);
		this.payments.capture(authorization.paymentId(), UUID.randomUUID());

		this.payments.voidAuthorization(authorization.paymentId(), "order lost");
		this.payments.voidAuthorization(authorization.paymentId(), "order lost");

		assertThat(this.rows.status(authorization)).isEqualTo("REFUNDED");
		assertThat(this.rows.calls(authorization)).containsExactly("AUTHORIZE SUCCEEDED", "CAPTURE SUCCEEDED",
				"REFUND SUCCEEDED");
		assertThat(this.rows.column(authorization, "refunded_amount")).isEqualTo("1299");
	}

	@Test
	void isPartiallyRefundedUntilAllIsBackAndRefundsEachKeyOnce() {
		Authorization authorization = authorize("tok_visa", PRICE);
		this.payments.capture(authorization.paymentId(), UUID.randomUUID());

		this.payments.refund(authorization.paymentId(), "damaged-cover", Money.of(299, "EUR"), "damaged cover");
		this.payments.refund(authorization.paymentId(), "damaged-cover", Money.of(299, "EUR"), "damaged cover");
		assertThat(this.rows.status(authorization)).isEqualTo("PARTIALLY_REFUNDED");
		this.payments.refund(authorization.paymentId(), "rest", Money.of(1000, "EUR"), "returned");

		assertThat(this.rows.status(authorization)).isEqualTo("REFUNDED");
		assertThat(this.rows.calls(authorization)).containsExactly("AUTHORIZE SUCCEEDED", "CAPTURE SUCCEEDED",
				"REFUND SUCCEEDED", "REFUND SUCCEEDED");
	}

	@Test
	void refusesRefundsBeyondTheCaptureOrBeforeIt() {
		Authorization authorized = authorize("tok_visa", PRICE);
		Authorization captured = authorize("tok_visa", PRICE);
		this.payments.capture(captured.paymentId(), UUID.randomUUID());
		this.payments.refund(captured.paymentId(), "first", Money.of(1000, "EUR"), "goodwill");

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.payments.refund(captured.paymentId(), "second", Money.of(300, "EUR"), "goodwill"));
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.payments.refund(captured.paymentId(), "usd", Money.of(1, "USD"), "goodwill"));
		assertThatExceptionOfType(PaymentMismatchException.class)
			.isThrownBy(() -> this.payments.refund(captured.paymentId(), "first", Money.of(1, "EUR"), "goodwill"));
		assertThatExceptionOfType(ConflictException.class)
			.isThrownBy(() -> this.payments.refund(authorized.paymentId(), "early", Money.of(1, "EUR"), "goodwill"));

		assertThat(this.rows.status(captured)).isEqualTo("PARTIALLY_REFUNDED");
		assertThat(this.rows.column(captured, "refunded_amount")).isEqualTo("1000");
	}

	@Test
	void recordsAFailedVoidAndTheJobRetriesItAfterTheBackoff() {
		Authorization authorization = authorize("tok_visa", PRICE);
		this.sandbox.failNext(Operation.VOID, authorization.gatewayReference(), 1);

		this.payments.voidAuthorization(authorization.paymentId(), "checkout failed");
		assertThat(this.rows.status(authorization)).isEqualTo("AUTHORIZED");
		assertThat(openRecords(authorization)).isEqualTo(1);
		this.reconciliation.retryDue(this.clock.instant());
		assertThat(this.rows.calls(authorization)).containsExactly("AUTHORIZE SUCCEEDED", "VOID FAILED");

		this.reconciliation.retryDue(this.clock.instant().plus(Duration.ofMinutes(2)));

		assertThat(this.rows.status(authorization)).isEqualTo("VOIDED");
		assertThat(this.rows.calls(authorization)).containsExactly("AUTHORIZE SUCCEEDED", "VOID FAILED",
				"VOID SUCCEEDED");
		assertThat(openRecords(authorization)).isZero();
	}

	@Test
	void retriesEachRecordOnItsOwnAndCountsWhatFailsAgain() {
		Authorization stuck = authorize("tok_visa", PRICE);
		Authorization healing = authorize("tok_visa", PRICE);
		this.payments.capture(stuck.paymentId(), UUID.randomUUID());
		this.payments.capture(healing.paymentId(), UUID.randomUUID());
		this.sandbox.failNext(Operation.REFUND, stuck.gatewayReference(), Integer.MAX_VALUE);
		this.sandbox.failNext(Operation.REFUND, healing.gatewayReference(), 1);
		this.payments.refund(stuck.paymentId(), "all", PRICE, "returned");
		this.payments.refund(healing.paymentId(), "all", PRICE, "returned");
		double failuresBefore = failures();

		this.reconciliation.retryDue(this.clock.instant().plus(Duration.ofMinutes(2)));

		assertThat(this.rows.status(stuck)).isEqualTo("CAPTURED");
		assertThat(this.rows.status(healing)).isEqualTo("REFUNDED");
		assertThat(openRecords(stuck)).isEqualTo(1);
		assertThat(openRecords(healing)).isZero();
		assertThat(failures()).isEqualTo(failuresBefore + 1);
		this.sandbox.failNext(Operation.REFUND, stuck.gatewayReference(), 0);
		this.reconciliation.retryDue(this.clock.instant().plus(Duration.ofMinutes(2)));
		assertThat(this.rows.status(stuck)).as("backs off after a second failure").isEqualTo("CAPTURED");
		this.reconciliation.retryDue(this.clock.instant().plus(Duration.ofMinutes(10)));
		assertThat(this.rows.status(stuck)).isEqualTo("REFUNDED");
		assertThat(this.rows.calls(stuck)).containsExactly("AUTHORIZE SUCCEEDED", "CAPTURE SUCCEEDED", "REFUND FAILED",
				"REFUND FAILED", "REFUND SUCCEEDED");
	}

	@Test
	void retriesAFailedCapture() {
		Authorization authorization = authorize("tok_capture_fails", PRICE);
		UUID order = UUID.randomUUID();

		this.payments.capture(authorization.paymentId(), order);
		assertThat(this.rows.status(authorization)).isEqualTo("AUTHORIZED");
		this.reconciliation.retryDue(this.clock.instant().plus(Duration.ofMinutes(2)));

		assertThat(this.rows.status(authorization)).isEqualTo("CAPTURED");
		assertThat(this.rows.calls(authorization)).containsExactly("AUTHORIZE SUCCEEDED", "CAPTURE FAILED",
				"CAPTURE SUCCEEDED");
	}

	/**
	 * The checkout's way: opened with the hold, authorized at the gateway, and the
	 * approval recorded with the order, which then captures it; the token is kept only
	 * while the payment is pending.
	 */
	@Test
	void anOpenedAuthorizationIsRecordedWithItsOrder() {
		PaymentRequest request = request("tok_visa", PRICE);
		Authorization opened = opened(request);
		assertThat(this.rows.status(opened)).isEqualTo("PENDING");
		assertThat(this.rows.column(opened, "payment_token")).isEqualTo("tok_visa");

		Authorization authorization = this.payments.authorize(request);
		assertThat(this.rows.status(authorization)).isEqualTo("PENDING");
		assertThat(this.rows.calls(authorization)).isEmpty();
		UUID order = UUID.randomUUID();
		this.transactions.executeWithoutResult(status -> this.payments.attach(authorization, order));

		await().untilAsserted(() -> assertThat(this.rows.status(authorization)).isEqualTo("CAPTURED"));
		assertThat(this.rows.calls(authorization)).containsExactly("AUTHORIZE SUCCEEDED", "CAPTURE SUCCEEDED");
		assertThat(this.rows.column(authorization, "gateway_reference")).isEqualTo(authorization.gatewayReference());
		assertThat(this.rows.column(authorization, "coalesce(payment_token, 'none')")).isEqualTo("none");
	}

	/**
	 * The gateway approved, and the node stopped before recording it: giving the payment
	 * back (the checkout's undo, a takeover of its key, or the worker's sweep) asks the
	 * gateway again under the same key, which answers the same, and voids that.
	 */
	@Test
	void givingBackAnOpenedAuthorizationAsksTheGatewayWhatItHolds() {
		PaymentRequest swept = request("tok_visa", PRICE);
		opened(swept);
		Authorization approved = this.payments.authorize(swept);
		PaymentRequest undone = request("tok_mastercard", PRICE);
		opened(undone);
		Authorization alsoApproved = this.payments.authorize(undone);

		this.payments.voidAuthorization(alsoApproved.paymentId(), "checkout failed");
		while (this.unclaimed.voidOlderThanAllowed(this.clock.instant().plus(Duration.ofMinutes(11))) > 0) {
		}

		for (Authorization authorization : List.of(approved, alsoApproved)) {
			assertThat(this.rows.status(authorization)).isEqualTo("VOIDED");
			assertThat(this.rows.calls(authorization)).containsExactly("AUTHORIZE SUCCEEDED", "VOID SUCCEEDED");
			assertThat(this.rows.column(authorization, "gateway_reference"))
				.isEqualTo(authorization.gatewayReference());
		}
	}

	/**
	 * A gateway that cannot say what it holds leaves the payment pending and a void to
	 * retry.
	 */
	@Test
	void anOpenedAuthorizationTheGatewayCannotAnswerForIsGivenBackLater() {
		Authorization opened = opened(request("tok_error", PRICE));

		this.payments.voidAuthorization(opened.paymentId(), "checkout failed");

		assertThat(this.rows.status(opened)).isEqualTo("PENDING");
		assertThat(this.rows.calls(opened)).containsExactly("AUTHORIZE FAILED");
		assertThat(this.jdbc.sql("""
				select operation from payments_reconciliation where payment_id = :id and status = 'OPEN'""")
			.param("id", opened.paymentId())
			.query(String.class)
			.list()).containsExactly("VOID");
		// The gateway never answers for tok_error: close the record, so that other
		// tests' reconciliation runs count only their own failures.
		this.jdbc.sql("update payments_reconciliation set status = 'CLOSED', open_key = null where payment_id = :id")
			.param("id", opened.paymentId())
			.update();
	}

	/**
	 * Opens the request's payment in a transaction of its own, as the checkout's hold
	 * does.
	 */
	private Authorization opened(PaymentRequest request) {
		UUID id = this.transactions.execute(status -> this.payments.open(request));
		return new Authorization(id, "sandbox", "", request.amount(), "", "");
	}

	private Authorization authorize(String token, Money amount) {
		return this.payments.authorize(request(token, amount));
	}

	private static PaymentRequest request(String token, Money amount) {
		return new PaymentRequest(UUID.randomUUID().toString(), token, amount, "cart-" + UUID.randomUUID());
	}

	private long openRecords(Authorization authorization) {
		return this.jdbc.sql("select count(*) from payments_reconciliation where payment_id = :id and status = 'OPEN'")
			.param("id", authorization.paymentId())
			.query(Long.class)
			.single();
	}

	private double failures() {
		return this.meters.counter("emporium.payments.reconciliation.failures").count();
	}

}
