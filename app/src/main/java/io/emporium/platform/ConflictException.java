package io.emporium.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * The request is valid but clashes with the current state (a state transition, a
 * duplicate).
 */
public class ConflictException extends ErrorResponseException {

	public ConflictException(String type, String detail) {
		super(HttpStatus.CONFLICT);
		setType(ProblemTypes.uri(type));
		setTitle("Conflict");
		setDetail(detail);
	}

}
