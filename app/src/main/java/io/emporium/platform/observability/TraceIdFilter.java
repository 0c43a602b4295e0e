package io.emporium.platform.observability;

import java.io.IOException;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers every request with the id of the trace it ran in ({@code X-Trace-Id}): the one
 * of an incoming W3C {@code traceparent}, or a new one. A shopper or a load test can
 * quote it, and it finds the request's log lines and spans. Runs inside the server
 * observation.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class TraceIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Trace-Id";

	private final Tracer tracer;

	TraceIdFilter(Tracer tracer) {
		this.tracer = tracer;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Span span = this.tracer.currentSpan();
		if (span != null && !span.context().traceId().isBlank()) {
			response.setHeader(HEADER, span.context().traceId());
		}
		chain.doFilter(request, response);
	}

}
