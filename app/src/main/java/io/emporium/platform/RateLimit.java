package io.emporium.platform;

import java.time.Duration;

/** At most {@code permits} acquisitions per {@code period}, refilled evenly over it. */
public record RateLimit(long permits, Duration period) {

	public RateLimit {
		if (permits < 1) {
			throw new IllegalArgumentException("a rate limit needs at least one permit");
		}
		if (period.isNegative() || period.isZero()) {
			throw new IllegalArgumentException("a rate limit needs a positive period");
		}
	}

}
