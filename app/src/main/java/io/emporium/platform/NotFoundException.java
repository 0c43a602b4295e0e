package io.emporium.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Something addressed by the request does not exist (or is not the caller's to see). */
public class NotFoundException extends ErrorResponseException {

	public NotFoundException(String what) {
		super(HttpStatus.NOT_FOUND);
		setType(ProblemTypes.uri("not-found"));
		setTitle("Not found");
		setDetail(what + " was not found");
	}

}
