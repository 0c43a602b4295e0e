package io.emporium.catalog.internal;

import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

/** Hot catalog reads are cached in Caffeine (see {@code spring.cache}). */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CatalogConfiguration {

}
