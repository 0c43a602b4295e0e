package io.emporium.platform.caching;

import java.util.concurrent.Callable;

import org.jspecify.annotations.Nullable;

import org.springframework.cache.Cache;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.cache.interceptor.CacheErrorHandler;

/**
 * One cache in two tiers: this node's Caffeine (L1) in front of the store's Redis (L2),
 * when there is one. An L1 miss reads L2 and keeps what it finds there; a load fills
 * both; an eviction empties both. L2 failures go to the error handler and count as
 * misses, and after one L2 is skipped for reads and writes (never for evictions) for a
 * short while, so a Redis outage costs one timeout, not one per request.
 */
final class TieredCache implements Cache {

	private final CaffeineCache local;

	private final @Nullable Cache shared;

	private final CacheErrorHandler errors;

	private final long backoffNanos;

	private volatile long sharedSkippedUntil = System.nanoTime();

	TieredCache(CaffeineCache local, @Nullable Cache shared, CacheErrorHandler errors, long backoffNanos) {
		this.local = local;
		this.shared = shared;
		this.errors = errors;
		this.backoffNanos = backoffNanos;
	}

	CaffeineCache local() {
		return this.local;
	}

	@Nullable Cache shared() {
		return this.shared;
	}

	@Override
	public String getName() {
		return this.local.getName();
	}

	@Override
	public Object getNativeCache() {
		return this;
	}

	@Override
	public @Nullable ValueWrapper get(Object key) {
		ValueWrapper hit = this.local.get(key);
		if (hit != null) {
			return hit;
		}
		Cache shared = usableShared();
		if (shared == null) {
			return null;
		}
		try {
			ValueWrapper found = shared.get(key);
			if (found != null) {
				this.local.put(key, found.get());
			}
			return found;
		}
		catch (RuntimeException ex) {
			sharedFailed();
			this.errors.handleCacheGetError(ex, shared, key);
			return null;
		}
	}

	@Override
	@SuppressWarnings("unchecked")
	public <T> @Nullable T get(Object key, @Nullable Class<T> type) {
		ValueWrapper found = get(key);
		Object value = (found != null) ? found.get() : null;
		if (value != null && type != null && !type.isInstance(value)) {
			throw new IllegalStateException("Cached value is not of required type [" + type.getName() + "]: " + value);
		}
		return (T) value;
	}

	@Override
	public <T> @Nullable T get(Object key, Callable<T> valueLoader) {
		return this.local.get(key, () -> {
			Cache shared = usableShared();
			if (shared != null) {
				try {
					ValueWrapper found = shared.get(key);
					if (found != null) {
						@SuppressWarnings("unchecked")
						T value = (T) found.get();
						return value;
					}
				}
				catch (RuntimeException ex) {
					sharedFailed();
					this.errors.handleCacheGetError(ex, shared, key);
				}
			}
			T loaded = valueLoader.call();
			putShared(key, loaded);
			return loaded;
		});
	}

	@Override
	public void put(Object key, @Nullable Object value) {
		this.local.put(key, value);
		putShared(key, value);
	}

	@Override
	public void evict(Object key) {
		this.local.evict(key);
		if (this.shared != null) {
			try {
				this.shared.evict(key);
			}
			catch (RuntimeException ex) {
				sharedFailed();
				this.errors.handleCacheEvictError(ex, this.shared, key);
			}
		}
	}

	@Override
	public void clear() {
		this.local.clear();
		if (this.shared != null) {
			try {
				this.shared.clear();
			}
			catch (RuntimeException ex) {
				sharedFailed();
				this.errors.handleCacheClearError(ex, this.shared);
			}
		}
	}

	/** Empties this node's tier only, for a node that may have missed evictions. */
	void clearLocal() {
		this.local.clear();
	}

	private void putShared(Object key, @Nullable Object value) {
		Cache shared = usableShared();
		if (shared == null) {
			return;
		}
		try {
			shared.put(key, value);
		}
		catch (RuntimeException ex) {
			sharedFailed();
			this.errors.handleCachePutError(ex, shared, key, value);
		}
	}

	private @Nullable Cache usableShared() {
		return (this.shared != null && System.nanoTime() - this.sharedSkippedUntil >= 0) ? this.shared : null;
	}

	private void sharedFailed() {
		this.sharedSkippedUntil = System.nanoTime() + this.backoffNanos;
	}

}
