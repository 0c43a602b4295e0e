package io.emporium.platform.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.emporium.platform.ProblemTypes;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers 401 and 403 from the security filters as problem+json, like every other error.
 * The bearer-token handlers run first so the RFC 6750 {@code WWW-Authenticate} header is
 * still set; neither that header nor the body says why a token was rejected beyond
 * "invalid or expired" (the decoder's reasons name claims, keys and parser internals).
 */
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

	private static final String INVALID_TOKEN = "The access token is invalid or expired.";

	private final AuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

	private final AccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();

	private final JsonMapper jsonMapper;

	SecurityProblems(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException, ServletException {
		this.bearer.commence(request, response, (authException instanceof OAuth2AuthenticationException)
				? new InvalidBearerTokenException(INVALID_TOKEN) : authException);
		boolean tokenPresented = request.getHeader("Authorization") != null;
		write(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
				tokenPresented ? INVALID_TOKEN : "Sign in to access this resource.", request);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException, ServletException {
		this.bearerDenied.handle(request, response, accessDeniedException);
		write(response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "You may not access this resource.", request);
	}

	private void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail,
			HttpServletRequest request) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", ProblemTypes.uri(type).toString());
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.jsonMapper.writeValue(response.getOutputStream(), problem);
	}

}
