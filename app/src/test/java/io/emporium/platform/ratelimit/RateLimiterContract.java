package io.emporium.platform.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.emporium.MovableClock;
import io.emporium.platform.RateLimit;
import io.emporium.platform.RateLimiter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every adapter of the rate-limiter port must do, on a clock the test moves. */
abstract class RateLimiterContract {

	private static final RateLimit THREE_A_MINUTE = new RateLimit(3, Duration.ofMinutes(1));

	final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));

	private RateLimiter limiter;

	private String key;

	abstract RateLimiter limiter(Clock clock);

	@BeforeEach
	void setUp() {
		this.limiter = limiter(this.clock);
		this.key = "test:" + UUID.randomUUID();
	}

	@Test
	void grantsUpToTheLimitThenSaysHowLongToWait() {
		for (int i = 0; i < 3; i++) {
			assertThat(this.limiter.tryAcquire(this.key, THREE_A_MINUTE)).isEmpty();
		}

		assertThat(this.limiter.tryAcquire(this.key, THREE_A_MINUTE))
			.hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1)));
	}

	@Test
	void keysHaveBucketsOfTheirOwn() {
		for (int i = 0; i < 3; i++) {
			this.limiter.tryAcquire(this.key, THREE_A_MINUTE);
		}

		assertThat(this.limiter.tryAcquire(this.key + ":other", THREE_A_MINUTE)).isEmpty();
	}

	@Test
	void refillsOverThePeriod() {
		for (int i = 0; i < 3; i++) {
			this.limiter.tryAcquire(this.key, THREE_A_MINUTE);
		}

		this.clock.advance(Duration.ofSeconds(20));

		assertThat(this.limiter.tryAcquire(this.key, THREE_A_MINUTE)).isEmpty();
		assertThat(this.limiter.tryAcquire(this.key, THREE_A_MINUTE)).isPresent();
	}

	@Test
	void aFullPeriodLaterTheWholeLimitIsBack() {
		for (int i = 0; i < 3; i++) {
			this.limiter.tryAcquire(this.key, THREE_A_MINUTE);
		}

		this.clock.advance(Duration.ofMinutes(5));

		for (int i = 0; i < 3; i++) {
			assertThat(this.limiter.tryAcquire(this.key, THREE_A_MINUTE)).isEmpty();
		}
		assertThat(this.limiter.tryAcquire(this.key, THREE_A_MINUTE)).isPresent();
	}

}
