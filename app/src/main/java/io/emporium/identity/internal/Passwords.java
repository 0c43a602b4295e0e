package io.emporium.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * BCrypt hashing and the password rule: at least 8 characters, at most 72 bytes (what
 * BCrypt reads). Checking against no account still costs one BCrypt round, so response
 * times do not reveal which e-mails have accounts.
 */
@Component
class Passwords {

	static final int MIN_LENGTH = 8;

	static final int MAX_BYTES = 72;

	private final PasswordEncoder encoder = new BCryptPasswordEncoder();

	private final String noAccountHash = this.encoder.encode(UUID.randomUUID().toString());

	String hash(String raw) {
		if (raw.length() < MIN_LENGTH) {
			throw new IllegalArgumentException("password must have at least " + MIN_LENGTH + " characters");
		}
		if (raw.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw new IllegalArgumentException("password must have at most " + MAX_BYTES + " bytes");
		}
		return this.encoder.encode(raw);
	}

	boolean matches(String raw, @Nullable String hash) {
		if (hash == null) {
			this.encoder.matches(raw, this.noAccountHash);
			return false;
		}
		return this.encoder.matches(raw, hash);
	}

}
