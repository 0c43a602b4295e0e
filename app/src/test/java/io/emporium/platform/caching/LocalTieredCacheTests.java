package io.emporium.platform.caching;

/** A cache on one node: Caffeine only. */
class LocalTieredCacheTests extends TieredCacheContract {

	@Override
	TieredCache node() {
		return measured(new TieredCache(local(this.name), null, new LoggedCacheErrors(), 0));
	}

}
