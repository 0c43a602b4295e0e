package io.emporium.platform;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A rate limit was reached (429); {@code Retry-After} says in whole seconds when to
 * retry.
 */
public class TooManyRequestsException extends ErrorResponseException {

	public TooManyRequestsException(Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS);
		long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
		setType(ProblemTypes.uri("too-many-requests"));
		setTitle("Too many requests");
		setDetail("Too many attempts. Try again in " + seconds + " seconds.");
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
	}

}
