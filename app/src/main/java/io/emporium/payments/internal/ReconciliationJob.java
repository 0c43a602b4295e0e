package io.emporium.payments.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.ErrorResponseException;

/**
 * Retries the money steps the gateway failed to do, every 30 seconds on one worker node,
 * each record on its own with doubling backoff until it succeeds; then the record is
 * closed. Running it twice is harmless: each attempt is claimed first.
 */
@Configuration(proxyBeanMethods = false)
class ReconciliationJob {

	private static final Logger log = LoggerFactory.getLogger(ReconciliationJob.class);

	/** Bounds one run; the rest waits for the next run. */
	private static final int BATCH = 100;

	/**
	 * Long enough for one gateway call; a crashed runner's record is retried after it.
	 */
	private static final Duration LEASE = Duration.ofMinutes(5);

	private final Reconciliations reconciliations;

	private final Settlements settlements;

	private final PaymentService payments;

	private final PaymentsProperties properties;

	private final Clock clock;

	private final Counter failures;

	ReconciliationJob(Reconciliations reconciliations, Settlements settlements, PaymentService payments,
			PaymentsProperties properties, Clock clock, MeterRegistry meters) {
		this.reconciliations = reconciliations;
		this.settlements = settlements;
		this.payments = payments;
		this.properties = properties;
		this.clock = clock;
		this.failures = Counter.builder("emporium.payments.reconciliation.failures")
			.description("Retries of failed captures, voids and refunds that failed again")
			.register(meters);
	}

	@Bean
	RecurringTask<Void> paymentReconciliationTask() {
		return Tasks.recurring("payments-reconciliation", FixedDelay.ofSeconds(30))
			.execute((instance, context) -> retryDue(this.clock.instant()));
	}

	/** Retries every open record due at {@code now}; returns how many it closed. */
	int retryDue(Instant now) {
		List<Reconciliation> due = this.reconciliations.due(now, BATCH);
		int closed = 0;
		for (Reconciliation record : due) {
			if (this.reconciliations.claim(record, now.plus(LEASE)) && retry(record, now)) {
				closed++;
			}
		}
		if (!due.isEmpty()) {
			log.atInfo()
				.setMessage("payment reconciliation run")
				.addKeyValue("due", due.size())
				.addKeyValue("closed", closed)
				.log();
		}
		return closed;
	}

	private boolean retry(Reconciliation record, Instant now) {
		Attempt attempt;
		try {
			attempt = switch (record.operation()) {
				case CAPTURE -> this.settlements.capture(record.paymentId(), requireOrder(record));
				case VOID -> this.payments.tryGiveBack(record.paymentId(), record.orderId(), record.reason(), true);
				case REFUND -> this.settlements.retryRefund(requireRefund(record), record.orderId());
				case AUTHORIZE -> throw new IllegalStateException("authorizations are never reconciled");
			};
		}
		catch (ErrorResponseException ex) {
			// The payment moved on so that this step can never happen (a capture of a
			// voided payment): retrying changes nothing, so the record is closed.
			log.atWarn()
				.setMessage("payment reconciliation step refused")
				.addKeyValue("reconciliationId", record.id())
				.addKeyValue("paymentId", record.paymentId())
				.addKeyValue("reason", ex.getBody().getDetail())
				.log();
			this.failures.increment();
			this.reconciliations.close(record.id(), now);
			return true;
		}
		catch (RuntimeException ex) {
			// One record's trouble never stops the others; it is counted, logged and
			// retried later.
			log.atError()
				.setMessage("payment reconciliation failed")
				.addKeyValue("reconciliationId", record.id())
				.addKeyValue("paymentId", record.paymentId())
				.setCause(ex)
				.log();
			attempt = Attempt.retry(record.operation(), record.refundId(), String.valueOf(ex.getMessage()));
		}
		if (attempt.done()) {
			this.reconciliations.close(record.id(), now);
			log.atInfo()
				.setMessage("payment reconciled")
				.addKeyValue("paymentId", record.paymentId())
				.addKeyValue("operation", record.operation())
				.log();
			return true;
		}
		this.failures.increment();
		this.reconciliations.retryLater(record.id(), String.valueOf(attempt.error()),
				now.plus(this.properties.backoff(record.attempts() + 1)));
		return false;
	}

	private static UUID requireRefund(Reconciliation record) {
		if (record.refundId() == null) {
			throw new IllegalStateException("a refund record always names its refund");
		}
		return record.refundId();
	}

	private static UUID requireOrder(Reconciliation record) {
		if (record.orderId() == null) {
			throw new IllegalStateException("a capture is always for an order");
		}
		return record.orderId();
	}

}
