package io.emporium.platform.caching;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.boot.cache.metrics.RedisCacheMetrics;
import org.springframework.data.redis.cache.RedisCache;

/**
 * Hit and miss counts of every declared cache per tier: {@code cache.gets{cache, tier,
 * result}} with tier {@code l1} (this node) or {@code l2} (Redis). An L2 read happens
 * only after an L1 miss.
 */
final class CacheMeters implements MeterBinder {

	private final TieredCacheManager caches;

	CacheMeters(TieredCacheManager caches) {
		this.caches = caches;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (TieredCache cache : this.caches.caches()) {
			new CaffeineCacheMetrics<>(cache.local().getNativeCache(), cache.getName(), Tags.of("tier", "l1"))
				.bindTo(registry);
			if (cache.shared() instanceof RedisCache redis) {
				new RedisCacheMetrics(redis, Tags.of("tier", "l2")).bindTo(registry);
			}
		}
	}

}
