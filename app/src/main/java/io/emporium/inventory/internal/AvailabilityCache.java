package io.emporium.inventory.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.emporium.inventory.StockCount;
import io.emporium.inventory.StockCounted;
import io.emporium.inventory.StockLine;
import io.emporium.inventory.StockReleased;
import io.emporium.inventory.StockReserved;
import io.emporium.inventory.StockReturned;
import io.emporium.platform.Broadcast;
import io.emporium.platform.BroadcastsMissed;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A short-lived copy of each SKU's availability for hot reads (every product page shows
 * it). A change made on this node is forgotten at once and again after its commit; a
 * change made on another node when it reaches this one through the fan-out, and at the
 * latest after {@code emporium.inventory.availability-ttl}. Reservations never read it:
 * they are conditional updates on the stock rows themselves.
 */
@Component
class AvailabilityCache implements MeterBinder {

	static final String NAME = "inventory.availability";

	private final Cache<String, Integer> cache;

	private final StockQueries queries;

	AvailabilityCache(StockQueries queries, InventoryProperties properties) {
		this.queries = queries;
		this.cache = Caffeine.newBuilder()
			.maximumSize(100_000)
			.expireAfterWrite(properties.availabilityTtl())
			.recordStats()
			.build();
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

	@EventListener
	void onReserved(Broadcast<StockReserved> broadcast) {
		forgetLines(broadcast.event().lines());
	}

	@EventListener
	void onReleased(Broadcast<StockReleased> broadcast) {
		forgetLines(broadcast.event().lines());
	}

	@EventListener
	void onReturned(Broadcast<StockReturned> broadcast) {
		forgetLines(broadcast.event().lines());
	}

	@EventListener
	void onCounted(Broadcast<StockCounted> broadcast) {
		forget(broadcast.event().counts().stream().map(StockCount::sku).toList());
	}

	@EventListener
	void on(BroadcastsMissed missed) {
		this.cache.invalidateAll();
	}

	/**
	 * Hits and misses as {@code cache.gets{cache="inventory.availability", tier="l1"}}.
	 */
	@Override
	public void bindTo(MeterRegistry registry) {
		new CaffeineCacheMetrics<>(this.cache, NAME, Tags.of("tier", "l1")).bindTo(registry);
	}

	private void forgetLines(List<StockLine> lines) {
		forget(lines.stream().map(StockLine::sku).toList());
	}

}
