package io.emporium.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Well-formed input that the domain cannot accept (422). */
public class InvalidRequestException extends ErrorResponseException {

	public InvalidRequestException(String type, String detail) {
		super(HttpStatus.UNPROCESSABLE_CONTENT);
		setType(ProblemTypes.uri(type));
		setTitle("Unprocessable request");
		setDetail(detail);
	}

}
