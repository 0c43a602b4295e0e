package io.emporium.platform.caching;

import io.emporium.platform.CacheSpec;

import org.springframework.cache.Cache;

/** Makes the shared tier (L2) of a declared cache; absent on a single node. */
interface SharedCaches {

	Cache create(CacheSpec spec);

}
