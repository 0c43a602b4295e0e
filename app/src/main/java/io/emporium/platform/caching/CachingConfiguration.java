package io.emporium.platform.caching;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.emporium.platform.BroadcastsMissed;
import io.emporium.platform.CacheSpec;
import io.emporium.platform.EmporiumProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Spring's cache abstraction for every module: the caches the modules declare, on
 * Caffeine in every node and, in distributed mode, on Redis behind it. A failing cache is
 * a miss.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
@EnableConfigurationProperties(CacheProperties.class)
class CachingConfiguration implements CachingConfigurer {

	private final CacheErrorHandler errors = new LoggedCacheErrors();

	@Override
	public CacheErrorHandler errorHandler() {
		return this.errors;
	}

	@Bean
	TieredCacheManager cacheManager(List<CacheSpec> specs, CacheProperties properties,
			ObjectProvider<SharedCaches> shared) {
		SharedCaches sharedCaches = shared.getIfAvailable();
		long backoff = properties.sharedBackoff().toNanos();
		return new TieredCacheManager(specs.stream().map(spec -> {
			CaffeineCache local = new CaffeineCache(spec.name(),
					Caffeine.newBuilder()
						.maximumSize(properties.localSize())
						.expireAfterWrite(properties.localTtl().toNanos(), TimeUnit.NANOSECONDS)
						.recordStats()
						.build());
			return new TieredCache(local, (sharedCaches != null && spec.shared()) ? sharedCaches.create(spec) : null,
					this.errors, backoff);
		}).toList());
	}

	/**
	 * After a gap in the fan-out this node cannot tell which of its copies are stale, so
	 * it forgets all of them; the shared tier was kept current by the writers.
	 */
	@Bean
	ApplicationListener<PayloadApplicationEvent<BroadcastsMissed>> forgetLocalCopies(TieredCacheManager cacheManager) {
		return ApplicationListener.forPayload(missed -> cacheManager.clearLocal());
	}

	@Bean
	CacheMeters cacheMeters(TieredCacheManager cacheManager) {
		return new CacheMeters(cacheManager);
	}

	@Configuration(proxyBeanMethods = false)
	@Profile("distributed")
	static class Shared {

		@Bean
		RedisCaches sharedCaches(RedisConnectionFactory connections, CacheProperties properties,
				EmporiumProperties emporium, JsonMapper json) {
			return new RedisCaches(connections, properties, emporium, json);
		}

	}

}
