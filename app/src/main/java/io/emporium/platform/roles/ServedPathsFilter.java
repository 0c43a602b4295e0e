package io.emporium.platform.roles;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.emporium.platform.EmporiumProperties;
import io.emporium.platform.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On a node without the {@code web} role, answers 404 problem+json for everything but the
 * actuator (health, metrics) and, on {@code preview} nodes, the preview API, before any
 * security check: a load balancer that sends shoppers there learns nothing else.
 */
class ServedPathsFilter extends OncePerRequestFilter {

	static final String PREVIEWS = "/api/v1/previews";

	private final boolean preview;

	private final String actuator;

	private final JsonMapper jsonMapper;

	ServedPathsFilter(EmporiumProperties properties, String actuatorBasePath, JsonMapper jsonMapper) {
		this.preview = properties.hasRole("preview");
		this.actuator = actuatorBasePath;
		this.jsonMapper = jsonMapper;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return under(path, this.actuator) || (this.preview && under(path, PREVIEWS));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", ProblemTypes.uri("not-found").toString());
		problem.put("title", "Not Found");
		problem.put("status", HttpStatus.NOT_FOUND.value());
		problem.put("detail", "This node does not serve " + request.getRequestURI() + ".");
		response.setStatus(HttpStatus.NOT_FOUND.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.jsonMapper.writeValue(response.getOutputStream(), problem);
	}

	private static boolean under(String path, String base) {
		return path.equals(base) || path.startsWith(base + "/");
	}

}
