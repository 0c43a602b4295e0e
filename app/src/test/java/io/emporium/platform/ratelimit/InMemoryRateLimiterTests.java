package io.emporium.platform.ratelimit;

import java.time.Clock;

import io.emporium.platform.RateLimiter;

class InMemoryRateLimiterTests extends RateLimiterContract {

	@Override
	RateLimiter limiter(Clock clock) {
		return new InMemoryRateLimiter(clock);
	}

}
