package io.emporium.identity.internal;

import io.emporium.platform.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** The refresh token is unknown, expired, revoked or was already used: sign in again. */
class InvalidRefreshTokenException extends ErrorResponseException {

	InvalidRefreshTokenException() {
		super(HttpStatus.UNAUTHORIZED);
		setType(ProblemTypes.uri("invalid-refresh-token"));
		setTitle("Invalid refresh token");
		setDetail("The refresh token is invalid, expired or already used. Please sign in again.");
	}

}
