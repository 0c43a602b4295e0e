package io.emporium.platform.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

import io.emporium.platform.RateLimit;
import io.emporium.platform.RateLimiter;
import io.emporium.platform.RedisNamespace;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.RedisApi;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.lettuce.LettuceConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.stereotype.Component;

/**
 * Token buckets (Bucket4j) in Redis, one budget for all nodes: each acquisition is a
 * compare-and-swap of the bucket's state, and a bucket expires once it would be full
 * again. A Redis that does not answer lets the request through with a warning (fail open,
 * ADR 0013): sign-in must not depend on the store that only limits it.
 */
@Component
@ConditionalOnProperty(name = "emporium.rate-limits.store", havingValue = "redis")
class RedisRateLimiter implements RateLimiter {

	private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);

	private final ProxyManager<Object> buckets;

	private final RedisNamespace namespace;

	RedisRateLimiter(LettuceConnectionFactory connections, RedisNamespace namespace, Clock clock) {
		this.namespace = namespace;
		this.buckets = new Bucket4jLettuce.LettuceBasedProxyManagerBuilder<>(new SharedConnection(connections))
			.clientClock(new ClockTimeMeter(clock))
			.expirationAfterWrite(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
			.requestTimeout(Duration.ofSeconds(2))
			.build();
	}

	@Override
	public Optional<Duration> tryAcquire(String key, RateLimit limit) {
		try {
			ConsumptionProbe probe = this.buckets.builder()
				.build(this.namespace.key("rate:" + key).getBytes(StandardCharsets.UTF_8), () -> configuration(limit))
				.tryConsumeAndReturnRemaining(1);
			return probe.isConsumed() ? Optional.empty()
					: Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
		}
		catch (DataAccessException | RedisException | BucketExceptions.BucketExecutionException ex) {
			log.atWarn()
				.setMessage("rate limits unavailable; request let through")
				.addKeyValue("error", ex.toString())
				.log();
			return Optional.empty();
		}
	}

	private static BucketConfiguration configuration(RateLimit limit) {
		return BucketConfiguration.builder()
			.addLimit((bandwidth) -> bandwidth.capacity(limit.permits()).refillGreedy(limit.permits(), limit.period()))
			.build();
	}

	/**
	 * Bucket4j's commands on the application's shared Lettuce connection, with its
	 * timeouts; connected on first use, so a node starts while Redis is down and recovers
	 * when it returns. Keys are byte arrays, typed {@code Object} because Bucket4j hands
	 * them over in an {@code Object[]}.
	 */
	private record SharedConnection(LettuceConnectionFactory connections) implements RedisApi<Object> {

		@Override
		public <V> RedisFuture<V> eval(String script, ScriptOutputType type, Object[] keys, byte[]... args) {
			return commands().eval(script, type, Arrays.stream(keys).map(byte[].class::cast).toArray(byte[][]::new),
					args);
		}

		@Override
		public RedisFuture<byte[]> get(Object key) {
			return commands().get((byte[]) key);
		}

		@Override
		public RedisFuture<?> delete(Object key) {
			return commands().del((byte[]) key);
		}

		/**
		 * The shared native connection outlives the Spring connection that hands it out.
		 */
		private RedisClusterAsyncCommands<byte[], byte[]> commands() {
			try (LettuceConnection connection = (LettuceConnection) this.connections.getConnection()) {
				return connection.getNativeConnection();
			}
		}

	}

}
