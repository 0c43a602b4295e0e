package io.emporium.platform.caching;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.emporium.platform.CacheSpec;
import io.emporium.platform.EmporiumProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/** A cache on Caffeine in front of the local Redis, as in distributed mode. */
@Tag("services")
class RedisTieredCacheTests extends TieredCacheContract {

	private final String namespace = "test-" + UUID.randomUUID();

	private final List<LettuceConnectionFactory> connections = new ArrayList<>();

	@Override
	TieredCache node() {
		return measured(node(6379));
	}

	@AfterEach
	void disconnect() {
		this.connections.forEach(LettuceConnectionFactory::destroy);
	}

	@Test
	void aSecondNodeReadsWhatTheFirstLoadedFromRedis() {
		TieredCache first = node(6379);
		TieredCache second = node();
		first.get("fantasy", () -> new Shelf("fantasy", List.of()));
		AtomicInteger loads = new AtomicInteger();

		Shelf read = second.get("fantasy", () -> {
			loads.incrementAndGet();
			return new Shelf("other", List.of());
		});

		assertThat(read).isEqualTo(new Shelf("fantasy", List.of()));
		assertThat(loads).hasValue(0);
		assertThat(gets("l1", "miss")).isEqualTo(1);
		assertThat(gets("l2", "hit")).isEqualTo(1);
	}

	@Test
	void anEvictionEmptiesRedisForEveryNode() {
		TieredCache first = node(6379);
		TieredCache second = node(6379);
		first.put("crime", new Shelf("crime", List.of()));

		first.evict("crime");

		assertThat(second.get("crime")).isNull();
	}

	@Test
	void readsPastARedisThatDoesNotAnswer() throws Exception {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		TieredCache cache = node(closed);

		Shelf first = cache.get("fantasy", () -> new Shelf("fantasy", List.of()));
		cache.evict("fantasy");
		Shelf second = cache.get("fantasy", () -> new Shelf("fantasy, again", List.of()));

		assertThat(first).isEqualTo(new Shelf("fantasy", List.of()));
		assertThat(second).isEqualTo(new Shelf("fantasy, again", List.of()));
		assertThat(cache.get("fantasy", Shelf.class)).as("served by this node's tier").isEqualTo(second);
	}

	private TieredCache node(int port) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", port),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
		factory.afterPropertiesSet();
		factory.start();
		this.connections.add(factory);
		RedisCaches redis = new RedisCaches(factory, PROPERTIES,
				new EmporiumProperties(Path.of("."), Set.of("web"), DataSize.ofMegabytes(1), this.namespace),
				JsonMapper.builder().build());
		return new TieredCache(local(this.name), redis.create(CacheSpec.of(this.name, Shelf.class)),
				new LoggedCacheErrors(), PROPERTIES.sharedBackoff().toNanos());
	}

}
