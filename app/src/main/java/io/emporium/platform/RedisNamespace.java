package io.emporium.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where this store's keys live in a Redis it may share with other stores (or, in tests,
 * with other application contexts): every key starts with {@code keyPrefix}.
 */
@ConfigurationProperties("emporium.redis")
public record RedisNamespace(@DefaultValue("emporium:") String keyPrefix) {

	public String key(String name) {
		return this.keyPrefix + name;
	}

}
