package io.emporium.platform.security;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Stateless API security: a bearer JWT (checked by the identity module's decoder) makes
 * the caller known; admin endpoints need role ADMIN and {@code /api/v1/me/**} a signed-in
 * caller; everything else is open at the edge and each module checks ownership of what it
 * returns. A bearer token that does not verify is refused with 401 everywhere, never
 * silently treated as anonymous. Actuator endpoints other than health need an admin,
 * unless they live on their own management port (ADR 0008).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * No observation around each security filter: it cost a tenth of a catalog read's
	 * CPU, and per-endpoint HTTP metrics already time the whole request (ADR 0004).
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Public catalog reads need no caller: they pass only the firewall and the security
	 * headers, not the token, session and authorization filters (ADR 0007). A token sent
	 * along is ignored.
	 */
	@Bean
	@Order(1)
	SecurityFilterChain publicCatalogReads(HttpSecurity http) throws Exception {
		return lean(http.securityMatcher(
				new OrRequestMatcher(PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/api/v1/products"),
						PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/api/v1/products/**"),
						PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/api/v1/categories"))))
			.build();
	}

	/**
	 * Health and its probe groups are open, and as lean as catalog reads: probes come
	 * often and carry no token. With {@code management.server.port} set, every actuator
	 * endpoint is served only there, for a scraper inside the cluster, and needs no
	 * token; the matcher then matches on that port only, so the application port has no
	 * actuator.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain openActuator(HttpSecurity http, Environment environment) throws Exception {
		boolean ownPort = ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
		return lean(http.securityMatcher(ownPort ? EndpointRequest.toAnyEndpoint() : EndpointRequest.to("health")))
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.build();
	}

	/** Metrics, Prometheus and the rest on the application port: admins only. */
	@Bean
	@Order(3)
	SecurityFilterChain adminActuator(HttpSecurity http, JwtDecoder jwtDecoder, JsonMapper jsonMapper)
			throws Exception {
		return bearer(http.securityMatcher(EndpointRequest.toAnyEndpoint()), jwtDecoder, jsonMapper)
			.authorizeHttpRequests(requests -> requests.anyRequest().hasRole("ADMIN"))
			.build();
	}

	@Bean
	@Order(4)
	SecurityFilterChain api(HttpSecurity http, JwtDecoder jwtDecoder, JsonMapper jsonMapper) throws Exception {
		return bearer(http, jwtDecoder, jsonMapper)
			.authorizeHttpRequests(requests -> requests.requestMatchers("/api/v1/admin/**")
				.hasRole("ADMIN")
				.requestMatchers("/api/v1/me", "/api/v1/me/**")
				.authenticated()
				.anyRequest()
				.permitAll())
			.build();
	}

	/** Only the firewall and the security headers: no caller is ever looked at. */
	private static HttpSecurity lean(HttpSecurity http) throws Exception {
		return http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.disable())
			.securityContext(context -> context.disable())
			.requestCache(cache -> cache.disable())
			.anonymous(anonymous -> anonymous.disable())
			.logout(logout -> logout.disable());
	}

	/**
	 * A stateless chain that knows the caller from a bearer JWT and answers problem+json.
	 */
	private static HttpSecurity bearer(HttpSecurity http, JwtDecoder jwtDecoder, JsonMapper jsonMapper)
			throws Exception {
		SecurityProblems problems = new SecurityProblems(jsonMapper);
		return http.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.oauth2ResourceServer(resourceServer -> resourceServer
				.jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(rolesAsAuthorities()))
				.authenticationEntryPoint(problems)
				.accessDeniedHandler(problems))
			.exceptionHandling(
					exceptions -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems));
	}

	/** Tokens carry {@code roles: ["CUSTOMER", "ADMIN"]}; Spring wants ROLE_ADMIN. */
	private static JwtAuthenticationConverter rolesAsAuthorities() {
		JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
		authorities.setAuthoritiesClaimName("roles");
		authorities.setAuthorityPrefix("ROLE_");
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(authorities);
		return converter;
	}

}
