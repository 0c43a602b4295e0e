package io.emporium.platform.caching;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cache.Cache;
import org.springframework.cache.interceptor.CacheErrorHandler;

/**
 * A cache that fails is a cache that missed: the failure is logged and the read goes on
 * to the database, so Redis trouble never fails a request.
 */
class LoggedCacheErrors implements CacheErrorHandler {

	private static final Logger log = LoggerFactory.getLogger(LoggedCacheErrors.class);

	@Override
	public void handleCacheGetError(RuntimeException exception, Cache cache, Object key) {
		log(exception, cache, "get");
	}

	@Override
	public void handleCachePutError(RuntimeException exception, Cache cache, Object key, @Nullable Object value) {
		log(exception, cache, "put");
	}

	@Override
	public void handleCacheEvictError(RuntimeException exception, Cache cache, Object key) {
		log(exception, cache, "evict");
	}

	@Override
	public void handleCacheClearError(RuntimeException exception, Cache cache) {
		log(exception, cache, "clear");
	}

	private static void log(RuntimeException exception, Cache cache, String operation) {
		log.atWarn()
			.setMessage("cache failed, reading past it")
			.addKeyValue("cache", cache.getName())
			.addKeyValue("operation", operation)
			.addKeyValue("error", exception.toString())
			.log();
	}

}
