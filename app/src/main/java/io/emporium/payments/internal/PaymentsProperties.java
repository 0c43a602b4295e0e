package io.emporium.payments.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the reconciliation job waits before retrying a failed money step (the wait
 * doubles with each failure up to {@code maxBackoff}), and how old an authorization that
 * no order took must be before it is voided ({@code unclaimedAfter}: longer than any
 * checkout may run before another attempt takes it over), and how long a payment given to
 * its order may stay uncaptured before a worker captures it ({@code captureAfter}: the
 * node that committed the order normally does so at once).
 */
@ConfigurationProperties("emporium.payments")
record PaymentsProperties(@DefaultValue("1m") Duration retryBackoff, @DefaultValue("1h") Duration maxBackoff,
		@DefaultValue("10m") Duration unclaimedAfter, @DefaultValue("1m") Duration captureAfter) {

	/** The wait after the {@code failures}-th failed attempt (1 for the first). */
	Duration backoff(int failures) {
		Duration wait = this.retryBackoff;
		for (int i = 1; i < failures && wait.compareTo(this.maxBackoff) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : wait;
	}

}
