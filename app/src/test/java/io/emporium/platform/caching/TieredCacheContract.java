package io.emporium.platform.caching;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.emporium.platform.Money;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.cache.caffeine.CaffeineCache;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a declared cache does on every node, whatever tiers it has: loads once, serves
 * what it loaded, forgets what is evicted, and counts hits and misses per tier.
 */
abstract class TieredCacheContract {

	static final CacheProperties PROPERTIES = new CacheProperties(Duration.ofMinutes(1), 1000, Duration.ofMinutes(10),
			Duration.ofSeconds(5));

	final String name = "test.shelves." + UUID.randomUUID();

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	/**
	 * A node's view of the cache {@link #name} of one store, measured in {@link #meters}.
	 */
	abstract TieredCache node();

	static CaffeineCache local(String name) {
		return new CaffeineCache(name, Caffeine.newBuilder().maximumSize(1000).recordStats().build());
	}

	TieredCache measured(TieredCache cache) {
		new CacheMeters(new TieredCacheManager(List.of(cache))).bindTo(this.meters);
		return cache;
	}

	double gets(String tier, String result) {
		return this.meters.get("cache.gets")
			.tag("cache", this.name)
			.tag("tier", tier)
			.tag("result", result)
			.functionCounter()
			.count();
	}

	@Test
	void loadsOnceAndServesWhatItLoaded() {
		TieredCache cache = node();
		AtomicInteger loads = new AtomicInteger();
		Shelf shelf = new Shelf("fantasy", List.of(Money.of(1299, "EUR"), Money.of(999, "EUR")));

		Shelf first = cache.get("fantasy", () -> {
			loads.incrementAndGet();
			return shelf;
		});
		Shelf second = cache.get("fantasy", () -> {
			loads.incrementAndGet();
			return shelf;
		});

		assertThat(first).isEqualTo(shelf);
		assertThat(second).isEqualTo(shelf);
		assertThat(loads).hasValue(1);
	}

	@Test
	void forgetsWhatWasEvicted() {
		TieredCache cache = node();
		cache.put("crime", new Shelf("crime", List.of()));

		cache.evict("crime");

		assertThat(cache.get("crime")).isNull();
	}

	@Test
	void countsHitsAndMissesOfThisNode() {
		TieredCache cache = node();

		cache.get("poetry");
		cache.put("poetry", new Shelf("poetry", List.of()));
		cache.get("poetry");

		assertThat(gets("l1", "miss")).isEqualTo(1);
		assertThat(gets("l1", "hit")).isEqualTo(1);
	}

	record Shelf(String name, List<Money> prices) {
	}

}
