package io.emporium.platform.ratelimit;

import java.time.Clock;

import io.github.bucket4j.TimeMeter;

/** Bucket4j's time from the application {@link Clock}, so tests can move it. */
record ClockTimeMeter(Clock clock) implements TimeMeter {

	@Override
	public long currentTimeNanos() {
		return this.clock.millis() * 1_000_000;
	}

	@Override
	public boolean isWallClockBased() {
		return true;
	}

}
