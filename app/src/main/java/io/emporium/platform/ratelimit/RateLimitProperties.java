package io.emporium.platform.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where rate-limit buckets live: this node's memory, or Redis shared by all nodes. */
@ConfigurationProperties("emporium.rate-limits")
record RateLimitProperties(@DefaultValue("memory") Store store) {

	enum Store {

		MEMORY, REDIS

	}

}
