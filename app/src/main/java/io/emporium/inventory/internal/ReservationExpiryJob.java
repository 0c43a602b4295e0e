package io.emporium.inventory.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.emporium.inventory.internal.Reservations.ExpiredHold;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Releases holds past their expiry, every 30 seconds on one worker node. Running it twice
 * is harmless: each release is a conditional status update in its own transaction, and
 * one that fails stays held for the next run without stopping the others.
 */
@Configuration(proxyBeanMethods = false)
class ReservationExpiryJob {

	private static final Logger log = LoggerFactory.getLogger(ReservationExpiryJob.class);

	/**
	 * Bounds one query so a backlog is worked off in slices rather than one long read.
	 */
	private static final int BATCH = 500;

	private final Reservations reservations;

	private final Clock clock;

	private final Counter failures;

	ReservationExpiryJob(Reservations reservations, Clock clock, MeterRegistry meters) {
		this.reservations = reservations;
		this.clock = clock;
		this.failures = Counter.builder("emporium.inventory.expiry.failures")
			.description("Expired holds the expiry job could not release; each is retried on its next run")
			.register(meters);
	}

	@Bean
	RecurringTask<Void> reservationExpiryTask() {
		return Tasks.recurring("inventory-reservation-expiry", FixedDelay.ofSeconds(30))
			.execute((instance, context) -> releaseExpired(this.clock.instant()));
	}

	/**
	 * Releases every hold that expired before {@code now}; returns how many it released.
	 */
	int releaseExpired(Instant now) {
		return releaseExpired(now, BATCH);
	}

	/**
	 * Walks the expired holds once, in pages of {@code batch}: each page starts after the
	 * last hold of the one before, so holds that failed are not read again in this run.
	 */
	int releaseExpired(Instant now, int batch) {
		int released = 0;
		int failed = 0;
		ExpiredHold after = ExpiredHold.FIRST;
		while (true) {
			List<ExpiredHold> expired = this.reservations.expired(now, after, batch);
			for (ExpiredHold hold : expired) {
				// A failed release rolled back alone: the hold stays HELD for the next
				// run.
				try {
					if (this.reservations.release(hold.id(), true)) {
						released++;
					}
				}
				catch (RuntimeException ex) {
					failed++;
					this.failures.increment();
					log.atWarn()
						.setMessage("expired reservation not released; retried on the next run")
						.addKeyValue("reservationId", hold.id().value())
						.setCause(ex)
						.log();
				}
			}
			if (expired.size() < batch) {
				break;
			}
			after = expired.getLast();
		}
		if (released > 0 || failed > 0) {
			log.atInfo()
				.setMessage("released expired reservations")
				.addKeyValue("count", released)
				.addKeyValue("failed", failed)
				.log();
		}
		return released;
	}

}
