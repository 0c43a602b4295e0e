package io.emporium.catalog.internal;

import io.emporium.catalog.CategoryAdded;
import io.emporium.catalog.ProductChanged;
import io.emporium.platform.Broadcast;
import io.emporium.platform.CacheSpec;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The catalog's caches (products by slug, the category tree). A changed product is
 * evicted once its transaction has committed, so no reader can put the old state back,
 * and again on every node when the change reaches it through the fan-out: each node's
 * copy, and Redis once more, which closes the window in which another node may have put
 * the old state back into Redis.
 */
@Configuration(proxyBeanMethods = false)
class CatalogCaches {

	private final CacheManager caches;

	CatalogCaches(CacheManager caches) {
		this.caches = caches;
	}

	@Bean
	static CacheSpec productCache() {
		return CacheSpec.of(ProductStore.CACHE, Product.class);
	}

	/**
	 * The tree is small and cheap to read again; kept in Redis too, a node reading it
	 * back while another adds a category was seen to keep the old tree (CatalogHttpTests
	 * under -Pservices), so each node keeps its own and forgets it on CategoryAdded.
	 */
	@Bean
	static CacheSpec categoryCache() {
		return CacheSpec.local(CategoryStore.CACHE);
	}

	@TransactionalEventListener
	void on(ProductChanged event) {
		evict(event.slug());
	}

	@EventListener
	void on(Broadcast<ProductChanged> broadcast) {
		evict(broadcast.event().slug());
	}

	@EventListener
	void onAdded(Broadcast<CategoryAdded> broadcast) {
		Cache categories = this.caches.getCache(CategoryStore.CACHE);
		if (categories != null) {
			categories.clear();
		}
	}

	private void evict(String slug) {
		Cache products = this.caches.getCache(ProductStore.CACHE);
		if (products != null) {
			products.evict(slug);
		}
	}

}
