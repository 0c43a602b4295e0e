package io.emporium.platform.caching;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long and how many entries each node keeps (L1), how long Redis keeps them (L2), and
 * for how long a node reads past Redis after Redis failed it.
 */
@ConfigurationProperties("emporium.cache")
record CacheProperties(@DefaultValue("60s") Duration localTtl, @DefaultValue("10000") long localSize,
		@DefaultValue("10m") Duration sharedTtl, @DefaultValue("5s") Duration sharedBackoff) {
}
