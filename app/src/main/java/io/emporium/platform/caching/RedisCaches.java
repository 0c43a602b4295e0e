package io.emporium.platform.caching;

import java.util.Map;

import io.emporium.platform.CacheSpec;
import io.emporium.platform.EmporiumProperties;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cache.Cache;
import org.springframework.data.redis.cache.BatchStrategies;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.cache.RedisCacheWriter;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.serializer.JacksonJsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;

/**
 * The shared tier on Redis: keys {@code <namespace>:cache:<cache>::<key>}, values as JSON
 * of the declared type (never class names from the wire), entries expiring after
 * {@code emporium.cache.shared-ttl}. Unknown JSON fields are ignored, so nodes of two
 * versions can share entries during a rolling upgrade. Clearing a cache scans its keys
 * rather than blocking Redis with KEYS.
 */
final class RedisCaches implements SharedCaches {

	private final RedisConnectionFactory connections;

	private final CacheProperties properties;

	private final String prefix;

	private final JsonMapper json;

	RedisCaches(RedisConnectionFactory connections, CacheProperties properties, EmporiumProperties emporium,
			JsonMapper json) {
		this.connections = connections;
		this.properties = properties;
		this.prefix = emporium.namespace() + ":cache:";
		this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

	@Override
	public Cache create(CacheSpec spec) {
		RedisCacheConfiguration configuration = RedisCacheConfiguration.defaultCacheConfig()
			.entryTtl(this.properties.sharedTtl())
			.prefixCacheNameWith(this.prefix)
			.serializeValuesWith(SerializationPair.fromSerializer(
					new JacksonJsonRedisSerializer<>(this.json, this.json.constructType(spec.type().getType()))));
		RedisCacheManager manager = RedisCacheManager
			.builder(RedisCacheWriter.nonLockingRedisCacheWriter(this.connections, BatchStrategies.scan(1000)))
			.withInitialCacheConfigurations(Map.of(spec.name(), configuration))
			.disableCreateOnMissingCache()
			.enableStatistics()
			.build();
		manager.afterPropertiesSet();
		Cache cache = manager.getCache(spec.name());
		if (cache == null) {
			throw new IllegalStateException("no Redis cache " + spec.name());
		}
		return cache;
	}

}
