package io.emporium.catalog.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * ETags for catalog reads, computed from the response body, so a repeat request with
 * If-None-Match gets 304 and no body.
 */
@Configuration(proxyBeanMethods = false)
class HttpCachingConfiguration {

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> catalogEtags() {
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
				new ShallowEtagHeaderFilter());
		// Product pages carry their own ETag (RenderedProducts).
		registration.addUrlPatterns("/api/v1/products", "/api/v1/categories");
		registration.setName("catalogEtags");
		return registration;
	}

}
