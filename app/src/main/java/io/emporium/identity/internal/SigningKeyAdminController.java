package io.emporium.identity.internal;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets an admin roll in a new signing key, for example on a schedule or after a leak. No
 * one is signed out: older keys keep verifying until their tokens have expired.
 */
@RestController
class SigningKeyAdminController {

	private final SigningKeys keys;

	SigningKeyAdminController(SigningKeys keys) {
		this.keys = keys;
	}

	@PostMapping("/api/v1/admin/signing-keys")
	@ResponseStatus(HttpStatus.CREATED)
	NewKey rotate() {
		SigningKey key = this.keys.rotate();
		return new NewKey(key.keyId(), key.createdAt());
	}

	record NewKey(String kid, Instant createdAt) {
	}

}
