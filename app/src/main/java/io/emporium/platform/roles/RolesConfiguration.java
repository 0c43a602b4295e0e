package io.emporium.platform.roles;

import io.emporium.platform.EmporiumProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Keeps the storefront and admin API to {@code web} nodes. The filter is registered only
 * where that role is missing, so web nodes pay nothing for it. Jobs are kept to
 * {@code worker} nodes by the job engine itself.
 */
@Configuration(proxyBeanMethods = false)
class RolesConfiguration {

	@Bean
	FilterRegistrationBean<ServedPathsFilter> servedPathsFilter(EmporiumProperties properties,
			WebEndpointProperties endpoints, JsonMapper jsonMapper) {
		FilterRegistrationBean<ServedPathsFilter> registration = new FilterRegistrationBean<>(
				new ServedPathsFilter(properties, endpoints.getBasePath(), jsonMapper));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		registration.setEnabled(!properties.hasRole("web"));
		return registration;
	}

}
