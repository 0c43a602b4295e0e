package io.emporium.platform.redis;

import io.lettuce.core.ClientOptions;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** How every module's Redis calls behave when Redis is gone. */
@Configuration(proxyBeanMethods = false)
@Profile("distributed")
class RedisClientConfiguration {

	/**
	 * While its connection is down, Lettuce fails a command at once instead of holding it
	 * until the timeout: a cart call answers 503 in milliseconds, and a request that
	 * meets several Redis calls (claim, close, release) does not add up their timeouts
	 * while it holds a database connection.
	 */
	@Bean
	LettuceClientOptionsBuilderCustomizer failFastWhileDisconnected() {
		return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

}
