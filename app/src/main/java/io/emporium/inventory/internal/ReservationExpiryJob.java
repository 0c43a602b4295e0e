package io.emporium.inventory.internal;

import java.time.Clock;
import java.time.Instant;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.emporium.inventory.ReservationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Releases holds past their expiry, every 30 seconds on one worker node. Running it twice
 * is harmless: each release is a conditional status update.
 */
@Configuration(proxyBeanMethods = false)
class ReservationExpiryJob {

	private static final Logger log = LoggerFactory.getLogger(ReservationExpiryJob.class);

	/** Bounds one run so a backlog is worked off in slices rather than one long pass. */
	private static final int BATCH = 500;

	private final Reservations reservations;

	private final Clock clock;

	ReservationExpiryJob(Reservations reservations, Clock clock) {
		this.reservations = reservations;
		this.clock = clock;
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
		int released = 0;
		while (true) {
			var expired = this.reservations.expired(now, BATCH);
			for (ReservationId id : expired) {
				if (this.reservations.release(id, true)) {
					released++;
				}
			}
			if (expired.size() < BATCH) {
				break;
			}
		}
		if (released > 0) {
			log.atInfo().setMessage("released expired reservations").addKeyValue("count", released).log();
		}
		return released;
	}

}
