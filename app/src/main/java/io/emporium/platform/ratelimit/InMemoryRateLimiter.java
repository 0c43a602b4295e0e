package io.emporium.platform.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.emporium.platform.RateLimit;
import io.emporium.platform.RateLimiter;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) in this node's memory, on the application {@link Clock}. A
 * bucket left alone for its whole period is full again, so it is dropped then; the number
 * of buckets is bounded, so a flood of new keys cannot exhaust the heap.
 */
@Component
@ConditionalOnProperty(name = "emporium.rate-limits.store", havingValue = "memory", matchIfMissing = true)
class InMemoryRateLimiter implements RateLimiter {

	/** About 300 bytes each: some 30 MB at most. */
	private static final int MAX_BUCKETS = 100_000;

	private final TimeMeter time;

	private final Cache<String, Entry> buckets;

	InMemoryRateLimiter(Clock clock) {
		this.time = new ClockTimeMeter(clock);
		this.buckets = Caffeine.newBuilder()
			.maximumSize(MAX_BUCKETS)
			.ticker(this.time::currentTimeNanos)
			.expireAfter(new IdleForItsPeriod())
			.build();
	}

	@Override
	public Optional<Duration> tryAcquire(String key, RateLimit limit) {
		Entry entry = this.buckets.get(key, (any) -> new Entry(bucket(limit), limit.period()));
		ConsumptionProbe probe = entry.bucket().tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	private Bucket bucket(RateLimit limit) {
		return Bucket.builder()
			.addLimit((bandwidth) -> bandwidth.capacity(limit.permits()).refillGreedy(limit.permits(), limit.period()))
			.withCustomTimePrecision(this.time)
			.build();
	}

	private record Entry(Bucket bucket, Duration period) {
	}

	private static final class IdleForItsPeriod implements Expiry<String, Entry> {

		@Override
		public long expireAfterCreate(String key, Entry entry, long currentTime) {
			return entry.period().toNanos();
		}

		@Override
		public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
			return entry.period().toNanos();
		}

		@Override
		public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
			return entry.period().toNanos();
		}

	}

}
