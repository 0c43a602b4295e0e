package io.emporium.platform;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A backing service the request needs does not answer for now (503); {@code Retry-After}
 * says in whole seconds when to try again. Nothing was changed.
 */
public class ServiceUnavailableException extends ErrorResponseException {

	public ServiceUnavailableException(String type, String detail, Duration retryAfter, @Nullable Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE), cause);
		long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		setType(ProblemTypes.uri(type));
		setTitle("Service unavailable");
		setDetail(detail);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
	}

}
