package io.emporium.platform;

import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

/**
 * Turns on Spring's cache abstraction for every module; the L1 tier is Caffeine (see
 * spring.cache).
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CachingConfiguration {

}
