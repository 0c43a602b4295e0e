package io.emporium.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/**
 * Signs short-lived access tokens with the current shared key, named by its kid in the
 * header. They carry the customer id, roles and the API audience only: no e-mail or other
 * personal data, since anyone holding a token can read its claims.
 */
@Component
class AccessTokens {

	static final String ISSUER = "emporium";

	static final String ROLES = "roles";

	private final SigningKeys keys;

	private final Clock clock;

	private final Duration ttl;

	private final String audience;

	AccessTokens(SigningKeys keys, Clock clock, IdentityProperties properties) {
		this.keys = keys;
		this.clock = clock;
		this.ttl = properties.accessTokenTtl();
		this.audience = properties.audience();
	}

	String issue(UUID customerId, List<String> roles) {
		Instant now = this.clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(ISSUER)
			.subject(customerId.toString())
			.audience(List.of(this.audience))
			.issuedAt(now)
			.expiresAt(now.plus(this.ttl))
			.id(UUID.randomUUID().toString())
			.claim(ROLES, roles)
			.build();
		KeyRing ring = this.keys.ring();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(ring.currentKeyId()).type("JWT").build();
		return ring.encoder().encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	Duration ttl() {
		return this.ttl;
	}

}
