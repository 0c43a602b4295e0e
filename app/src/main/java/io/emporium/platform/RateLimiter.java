package io.emporium.platform;

import java.time.Duration;
import java.util.Optional;

/**
 * Port to the store's rate-limit buckets, one per key. In memory on one node; the
 * distributed mode needs one shared store (Bucket4j on Redis) so that every node counts
 * against the same buckets.
 */
public interface RateLimiter {

	/**
	 * Takes one permit from the bucket of {@code key}, created full under {@code limit}
	 * the first time the key is seen. A key must always come with the same limit.
	 * @return empty when a permit was taken, otherwise how long until the next one
	 */
	Optional<Duration> tryAcquire(String key, RateLimit limit);

}
