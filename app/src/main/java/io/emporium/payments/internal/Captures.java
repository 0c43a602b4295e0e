package io.emporium.payments.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.emporium.payments.internal.PaymentRepository.Attached;
import io.emporium.platform.AfterCommit;
import io.emporium.platform.BoundedVirtualThreads;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Captures the payment an order was given (ADR 0016). The checkout gives its payment to
 * its order in the order's transaction; once that commits, the capture takes its turn
 * among a few of payments' own, so the shopper does not wait for it. The attached payment
 * is its own record of the work left: a node that stopped before capturing leaves it
 * attached and uncaptured, and a worker captures it once it is older than
 * {@code emporium.payments.capture-after}. A capture the gateway fails goes to
 * reconciliation.
 */
@Configuration(proxyBeanMethods = false)
class Captures implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Captures.class);

	/** Bounds one sweep; the rest waits for the next run. */
	private static final int BATCH = 100;

	private static final int CAPTURE_THREADS = 4;

	private final PaymentRepository payments;

	private final Settlements settlements;

	private final Reconciliations reconciliations;

	private final PaymentsProperties properties;

	private final Clock clock;

	private final Counter swept;

	/** A burst of orders never runs a capture per order at once. */
	private final BoundedVirtualThreads threads = new BoundedVirtualThreads("payments-capture-", CAPTURE_THREADS,
			10_000);

	Captures(PaymentRepository payments, Settlements settlements, Reconciliations reconciliations,
			PaymentsProperties properties, Clock clock, MeterRegistry meters) {
		this.payments = payments;
		this.settlements = settlements;
		this.reconciliations = reconciliations;
		this.properties = properties;
		this.clock = clock;
		this.swept = Counter.builder("emporium.payments.captures.swept")
			.description("Captures of attached payments that no node had run, made by the sweep")
			.register(meters);
	}

	/**
	 * Gives the payment to its order in the caller's transaction and captures it once
	 * that transaction has committed.
	 */
	void attach(UUID paymentId, UUID orderId) {
		this.settlements.attach(paymentId, orderId);
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException("a payment is given to its order in the order's transaction");
		}
		AfterCommit.run(() -> this.threads.execute(() -> captureLogged(paymentId, orderId)));
	}

	/**
	 * Captures for the order; a capture the gateway failed is recorded for the
	 * reconciliation job.
	 */
	void capture(UUID paymentId, UUID orderId) {
		this.reconciliations.openIfFailed(paymentId, orderId, "capture for order " + orderId,
				this.settlements.capture(paymentId, orderId));
	}

	@Bean
	RecurringTask<Void> pendingCapturesTask() {
		return Tasks.recurring("payments-pending-captures", FixedDelay.ofSeconds(30))
			.execute((instance, context) -> captureOlderThanAllowed(this.clock.instant()));
	}

	/**
	 * Captures the attached payments left uncaptured at {@code now}; returns how many.
	 */
	int captureOlderThanAllowed(Instant now) {
		int count = 0;
		for (Attached attached : this.payments.attachedUncaptured(now.minus(this.properties.captureAfter()), BATCH)) {
			if (captureLogged(attached.paymentId(), attached.orderId())) {
				count++;
				this.swept.increment();
			}
		}
		if (count > 0) {
			log.atWarn()
				.setMessage("attached payments no node had captured were captured")
				.addKeyValue("captured", count)
				.log();
		}
		return count;
	}

	/** One payment's trouble is logged and never stops the caller; true when it ran. */
	private boolean captureLogged(UUID paymentId, UUID orderId) {
		try {
			capture(paymentId, orderId);
			return true;
		}
		catch (RuntimeException ex) {
			log.atError()
				.setMessage("could not capture the payment of a paid order")
				.addKeyValue("paymentId", paymentId)
				.addKeyValue("orderId", orderId)
				.setCause(ex)
				.log();
			return false;
		}
	}

	@Override
	public void destroy() {
		this.threads.close();
	}

}
