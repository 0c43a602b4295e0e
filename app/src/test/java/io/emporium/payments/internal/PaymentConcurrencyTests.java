package io.emporium.payments.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.emporium.payments.Authorization;
import io.emporium.payments.PaymentRequest;
import io.emporium.payments.Payments;
import io.emporium.platform.ConflictException;
import io.emporium.platform.InvalidRequestException;
import io.emporium.platform.Money;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Racing money steps against the real embedded database, with real threads. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PaymentConcurrencyTests {

	@Autowired
	Payments payments;

	@Autowired
	JdbcClient jdbc;

	private PaymentRows rows;

	@BeforeEach
	void readRows() {
		this.rows = new PaymentRows(this.jdbc);
	}

	@Autowired
	ReconciliationJob reconciliation;

	@Autowired
	Clock clock;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void neverRefundsMoreThanWasCapturedWhenRefundsRace() throws Exception {
		Authorization authorization = authorize(Money.of(1299, "EUR"));
		this.payments.capture(authorization.paymentId(), UUID.randomUUID());
		List<Callable<Boolean>> refunds = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			String key = "refund-" + i;
			refunds.add(() -> {
				try {
					this.payments.refund(authorization.paymentId(), key, Money.of(100, "EUR"), "goodwill");
					return true;
				}
				catch (InvalidRequestException ex) {
					return false;
				}
			});
		}

		long succeeded = race(refunds).stream().filter(Boolean::booleanValue).count();

		assertThat(succeeded).isEqualTo(12);
		assertThat(this.rows.column(authorization, "refunded_amount")).isEqualTo("1200");
		assertThat(this.rows.column(authorization, "status")).isEqualTo("PARTIALLY_REFUNDED");
		assertThat(this.rows.calls(authorization, "REFUND")).isEqualTo(12);
	}

	@Test
	void refundsOneKeyOnceWhenItIsSentManyTimesAtOnce() throws Exception {
		Authorization authorization = authorize(Money.of(1299, "EUR"));
		this.payments.capture(authorization.paymentId(), UUID.randomUUID());
		List<Callable<Boolean>> refunds = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			refunds.add(() -> {
				this.payments.refund(authorization.paymentId(), "same", Money.of(500, "EUR"), "goodwill");
				return true;
			});
		}

		race(refunds);

		assertThat(this.rows.column(authorization, "refunded_amount")).isEqualTo("500");
		assertThat(this.jdbc.sql("select count(*) from payments_refund where payment_id = :id")
			.param("id", authorization.paymentId())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void eitherCapturesOrVoidsWhenBothRace() throws Exception {
		for (int round = 0; round < 10; round++) {
			Authorization authorization = authorize(Money.of(999, "EUR"));
			UUID order = UUID.randomUUID();

			race(List.of(() -> {
				try {
					this.payments.capture(authorization.paymentId(), order);
				}
				catch (ConflictException ex) {
					// The void won.
				}
				return true;
			}, () -> {
				this.payments.voidAuthorization(authorization.paymentId(), "checkout failed");
				return true;
			}));

			this.reconciliation.retryDue(this.clock.instant().plus(Duration.ofMinutes(2)));

			// Whichever won, the money is back: voided, or captured and then refunded (at
			// once, or by the job when the void found the capture in flight).
			String status = this.rows.column(authorization, "status");
			assertThat(status).isIn("VOIDED", "REFUNDED");
			if (status.equals("VOIDED")) {
				assertThat(this.rows.calls(authorization, "CAPTURE")).isZero();
			}
			else {
				assertThat(this.rows.calls(authorization, "VOID")).isZero();
			}
		}
	}

	/**
	 * OrderPaid handled on two nodes at once (a redelivery, a resubmission racing the
	 * first run): the payment the settlement gave to its order is captured for it once.
	 */
	@Test
	void capturesAPaymentGivenToItsOrderOnceWhenCapturesRace() throws Exception {
		Authorization authorization = authorize(Money.of(999, "EUR"));
		UUID order = UUID.randomUUID();
		this.transactions.executeWithoutResult(status -> this.payments.attach(authorization, order));

		race(Collections.nCopies(8, () -> {
			this.payments.capture(authorization.paymentId(), order);
			return true;
		}));

		assertThat(this.rows.status(authorization)).isEqualTo("CAPTURED");
		assertThat(this.rows.column(authorization, "captured_amount")).isEqualTo("999");
		assertThat(this.rows.column(authorization, "order_id")).isEqualTo(order.toString());
		assertThat(this.jdbc.sql("select count(*) from payments_reconciliation where payment_id = :id")
			.param("id", authorization.paymentId())
			.query(Long.class)
			.single()).isZero();
	}

	private Authorization authorize(Money amount) {
		return this.payments.authorize(
				new PaymentRequest(UUID.randomUUID().toString(), "tok_visa", amount, "cart-" + UUID.randomUUID()));
	}

	private static <T> List<T> race(List<Callable<T>> tasks) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<T>> futures;
		try (ExecutorService threads = Executors.newFixedThreadPool(tasks.size())) {
			futures = tasks.stream().map(task -> threads.submit(() -> {
				start.await();
				return task.call();
			})).toList();
			start.countDown();
		}
		List<T> results = new ArrayList<>();
		for (Future<T> future : futures) {
			results.add(future.get());
		}
		return results;
	}

}
