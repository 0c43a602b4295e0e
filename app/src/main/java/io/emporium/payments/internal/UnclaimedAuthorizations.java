package io.emporium.payments.internal;

import java.time.Clock;
import java.time.Instant;
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

/**
 * Voids authorizations that no order took once they are older than
 * {@code emporium.payments.unclaimed-after}, every 30 seconds on one worker node: the
 * last resort for a checkout that failed while it could neither void its authorization
 * nor record that it must (its database gone mid-purchase), and that no retry or takeover
 * of its key gave back. A void the gateway fails goes to the reconciliation job.
 */
@Configuration(proxyBeanMethods = false)
class UnclaimedAuthorizations {

	private static final Logger log = LoggerFactory.getLogger(UnclaimedAuthorizations.class);

	/** Bounds one run; the rest waits for the next run. */
	private static final int BATCH = 100;

	private final PaymentRepository payments;

	private final PaymentService service;

	private final PaymentsProperties properties;

	private final Clock clock;

	private final Counter voided;

	UnclaimedAuthorizations(PaymentRepository payments, PaymentService service, PaymentsProperties properties,
			Clock clock, MeterRegistry meters) {
		this.payments = payments;
		this.service = service;
		this.properties = properties;
		this.clock = clock;
		this.voided = Counter.builder("emporium.payments.unclaimed.voided")
			.description("Authorizations no order took, voided once older than unclaimed-after")
			.register(meters);
	}

	@Bean
	RecurringTask<Void> unclaimedAuthorizationsTask() {
		return Tasks.recurring("payments-unclaimed-authorizations", FixedDelay.ofSeconds(30))
			.execute((instance, context) -> voidOlderThanAllowed(this.clock.instant()));
	}

	/** Voids what is too old at {@code now}; returns how many it voided. */
	int voidOlderThanAllowed(Instant now) {
		int count = 0;
		for (UUID paymentId : this.payments.unclaimedAuthorizations(now.minus(this.properties.unclaimedAfter()),
				BATCH)) {
			try {
				// Never a refund: an order that took the payment meanwhile keeps it.
				this.service.giveBack(paymentId, null, "no order took this authorization", false);
				if (this.payments.find(paymentId).map(Payment::status).orElse(null) == PaymentStatus.VOIDED) {
					count++;
					this.voided.increment();
				}
			}
			catch (RuntimeException ex) {
				log.atError()
					.setMessage("could not void an authorization no order took")
					.addKeyValue("paymentId", paymentId)
					.setCause(ex)
					.log();
			}
		}
		if (count > 0) {
			log.atWarn().setMessage("authorizations no order took were voided").addKeyValue("voided", count).log();
		}
		return count;
	}

}
