package io.emporium.platform.caching;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;

/**
 * The caches the modules declared ({@link io.emporium.platform.CacheSpec} beans), each in
 * every tier this node has. Only declared caches exist, so each is measured from the
 * start.
 */
final class TieredCacheManager implements CacheManager {

	private final Map<String, TieredCache> caches = new LinkedHashMap<>();

	TieredCacheManager(List<TieredCache> caches) {
		caches.forEach(cache -> this.caches.put(cache.getName(), cache));
	}

	@Override
	public @Nullable Cache getCache(String name) {
		return this.caches.get(name);
	}

	@Override
	public Collection<String> getCacheNames() {
		return List.copyOf(this.caches.keySet());
	}

	Collection<TieredCache> caches() {
		return this.caches.values();
	}

	/** Forgets this node's copies of everything; the shared tier keeps its entries. */
	void clearLocal() {
		this.caches.values().forEach(TieredCache::clearLocal);
	}

}
