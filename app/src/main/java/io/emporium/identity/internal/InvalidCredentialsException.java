package io.emporium.identity.internal;

import io.emporium.platform.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Sign-in failed. The same answer for an unknown e-mail and a wrong password, so it does
 * not tell which e-mails have accounts.
 */
class InvalidCredentialsException extends ErrorResponseException {

	InvalidCredentialsException() {
		super(HttpStatus.UNAUTHORIZED);
		setType(ProblemTypes.uri("invalid-credentials"));
		setTitle("Invalid credentials");
		setDetail("The e-mail or password is wrong.");
	}

}
