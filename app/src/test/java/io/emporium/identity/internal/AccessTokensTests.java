package io.emporium.identity.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AccessTokensTests {

	private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

	private static final UUID CUSTOMER = UUID.fromString("6b1f7f5e-51d4-4d5c-9d67-1f8d4a0c2b11");

	private static final String AUDIENCE = "emporium-api";

	private final IdentityProperties properties = new IdentityProperties(null, Duration.ofMinutes(15),
			Duration.ofDays(30), AUDIENCE, new IdentityProperties.RateLimits(10, 30, 5, Duration.ofMinutes(1)));

	@TempDir
	Path folder;

	@Test
	void decoderAcceptsItsOwnTokensWithIdAndRoles() {
		SigningKey key = key("a.json");
		String token = tokens(key, NOW).issue(CUSTOMER, List.of("CUSTOMER", "ADMIN"));

		Jwt jwt = TokenConfiguration.decoder(key, at(NOW.plusSeconds(60)), AUDIENCE).decode(token);

		assertThat(jwt.getSubject()).isEqualTo(CUSTOMER.toString());
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("CUSTOMER", "ADMIN");
		assertThat(jwt.getExpiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
		assertThat(jwt.getHeaders()).containsEntry("kid", key.keyId());
		assertThat(jwt.getAudience()).containsExactly(AUDIENCE);
	}

	@Test
	void decoderRejectsTokensForAnotherAudience() {
		SigningKey key = key("a.json");
		String token = new AccessTokens(key, at(NOW),
				new IdentityProperties(null, Duration.ofMinutes(15), Duration.ofDays(30), "another-service",
						new IdentityProperties.RateLimits(10, 30, 5, Duration.ofMinutes(1))))
			.issue(CUSTOMER, List.of("CUSTOMER", "ADMIN"));
		JwtDecoder decoder = TokenConfiguration.decoder(key, at(NOW), AUDIENCE);

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(token));
	}

	@Test
	void decoderRejectsExpiredTokens() {
		SigningKey key = key("a.json");
		String token = tokens(key, NOW).issue(CUSTOMER, List.of("CUSTOMER"));
		JwtDecoder decoder = TokenConfiguration.decoder(key, at(NOW.plus(Duration.ofMinutes(20))), AUDIENCE);

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(token));
	}

	@Test
	void decoderRejectsTokensSignedWithAnotherKey() {
		String foreign = tokens(key("other.json"), NOW).issue(CUSTOMER, List.of("CUSTOMER", "ADMIN"));
		JwtDecoder decoder = TokenConfiguration.decoder(key("a.json"), at(NOW), AUDIENCE);

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(foreign));
	}

	private SigningKey key(String file) {
		return new SigningKey(new SigningKeyStore(this.folder.resolve(file)).loadOrCreate());
	}

	private AccessTokens tokens(SigningKey key, Instant now) {
		return new AccessTokens(key, at(now), this.properties);
	}

	private static Clock at(Instant instant) {
		return Clock.fixed(instant, ZoneOffset.UTC);
	}

}
