package io.emporium.platform.web;

import java.io.IOException;

import io.emporium.platform.EmporiumProperties;
import io.emporium.platform.ProblemTypes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code emporium.max-body-size} with 413: at once when the
 * declared length is too big, and while reading when a chunked body grows past it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimitFilter extends OncePerRequestFilter {

	private final long limit;

	BodySizeLimitFilter(EmporiumProperties properties) {
		this.limit = properties.maxBodySize().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.limit) {
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter()
				.write("{\"type\":\"" + ProblemTypes.uri("body-too-large") + "\",\"title\":\"Body too large\","
						+ "\"status\":413,\"detail\":\"The request body exceeds " + this.limit + " bytes.\"}");
			return;
		}
		chain.doFilter(new LimitedRequest(request, this.limit), response);
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long limit;

		LimitedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			ServletInputStream delegate = super.getInputStream();
			return new ServletInputStream() {

				private long read;

				@Override
				public int read() throws IOException {
					int b = delegate.read();
					if (b >= 0) {
						count(1);
					}
					return b;
				}

				@Override
				public int read(byte[] buffer, int off, int len) throws IOException {
					int n = delegate.read(buffer, off, len);
					if (n > 0) {
						count(n);
					}
					return n;
				}

				private void count(int n) throws IOException {
					this.read += n;
					if (this.read > LimitedRequest.this.limit) {
						throw new IOException("request body exceeds " + LimitedRequest.this.limit + " bytes");
					}
				}

				@Override
				public boolean isFinished() {
					return delegate.isFinished();
				}

				@Override
				public boolean isReady() {
					return delegate.isReady();
				}

				@Override
				public void setReadListener(ReadListener listener) {
					delegate.setReadListener(listener);
				}
			};
		}

	}

}
