package io.emporium.platform.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.emporium.FreePort;
import io.emporium.platform.RateLimit;
import io.emporium.platform.RateLimiter;
import io.emporium.platform.RedisNamespace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis adapter on the local Redis (127.0.0.1:6379), under keys of this test's own;
 * every limiter is a node of its own with its own connection.
 */
@Tag("services")
class RedisRateLimiterTests extends RateLimiterContract {

	private final String prefix = "test-" + UUID.randomUUID() + ":";

	private final List<LettuceConnectionFactory> nodes = new ArrayList<>();

	@Override
	RateLimiter limiter(Clock clock) {
		return new RedisRateLimiter(connect(), new RedisNamespace(this.prefix), clock);
	}

	@AfterEach
	void disconnect() {
		StringRedisTemplate redis = new StringRedisTemplate(this.nodes.get(0));
		redis.delete(redis.keys(this.prefix + "*"));
		this.nodes.forEach(LettuceConnectionFactory::destroy);
	}

	@Test
	void twoNodesShareOneBudget() {
		RateLimiter first = limiter(this.clock);
		RateLimiter second = limiter(this.clock);
		RateLimit threeAMinute = new RateLimit(3, Duration.ofMinutes(1));
		String key = "shared:" + UUID.randomUUID();

		List<Optional<Duration>> answers = List.of(first.tryAcquire(key, threeAMinute),
				second.tryAcquire(key, threeAMinute), first.tryAcquire(key, threeAMinute),
				second.tryAcquire(key, threeAMinute), first.tryAcquire(key, threeAMinute));

		assertThat(answers).filteredOn(Optional::isEmpty).hasSize(3);
		assertThat(answers.subList(3, 5)).allSatisfy(answer -> assertThat(answer).isPresent());
	}

	@Test
	void letsRequestsThroughWhileRedisDoesNotAnswer() {
		LettuceConnectionFactory nowhere = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", FreePort.find()));
		nowhere.afterPropertiesSet();
		nowhere.start();
		this.nodes.add(nowhere);
		RateLimiter limiter = new RedisRateLimiter(nowhere, new RedisNamespace(this.prefix), this.clock);
		RateLimit one = new RateLimit(1, Duration.ofMinutes(1));

		assertThat(limiter.tryAcquire("down", one)).isEmpty();
		assertThat(limiter.tryAcquire("down", one)).isEmpty();
	}

	private LettuceConnectionFactory connect() {
		LettuceConnectionFactory node = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", 6379));
		node.afterPropertiesSet();
		node.start();
		this.nodes.add(node);
		return node;
	}

}
