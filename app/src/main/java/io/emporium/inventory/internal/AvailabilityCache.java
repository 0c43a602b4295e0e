package io.emporium.inventory.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A short-lived copy of each SKU's availability for hot reads (every product page shows
 * it). A change made on this node is forgotten at once and again after its commit; a
 * change made elsewhere shows within {@code emporium.inventory.availability-ttl}.
 * Reservations never read it: they are conditional updates on the stock rows themselves.
 */
@Component
class AvailabilityCache {

	private final Cache<String, Integer> cache;

	private final StockQueries queries;

	AvailabilityCache(StockQueries queries, InventoryProperties properties) {
		this.queries = queries;
		this.cache = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(properties.availabilityTtl()).build();
	}

	Map<String, Integer> available(Collection<String> skus) {
		return this.cache.getAll(skus, missing -> this.queries.available(Set.copyOf(missing)));
	}

	void forget(Collection<String> skus) {
		List<String> changed = List.copyOf(skus);
		this.cache.invalidateAll(changed);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					AvailabilityCache.this.cache.invalidateAll(changed);
				}
			});
		}
	}

}
