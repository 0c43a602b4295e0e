package io.emporium.catalog.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo book store loaded into an empty catalog at first start, plus {@code products}
 * synthetic products for benchmarks.
 */
@ConfigurationProperties("emporium.demo")
record DemoProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0") int products) {
}
