package io.emporium.catalog.internal;

import io.emporium.catalog.ProductChanged;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Evicts a changed product once its transaction has committed, so no reader can put the
 * old state back into the cache.
 */
@Component
class ProductCacheEviction {

	private final CacheManager caches;

	ProductCacheEviction(CacheManager caches) {
		this.caches = caches;
	}

	@TransactionalEventListener
	void on(ProductChanged event) {
		Cache products = this.caches.getCache(ProductStore.CACHE);
		if (products != null) {
			products.evict(event.slug());
		}
	}

}
