package io.emporium.platform;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The operation needs a signed-in caller (401). */
public class UnauthorizedException extends ErrorResponseException {

	public UnauthorizedException(String detail) {
		super(HttpStatus.UNAUTHORIZED);
		setType(ProblemTypes.uri("unauthorized"));
		setTitle("Sign-in required");
		setDetail(detail);
		getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
	}

}
