package io.emporium.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Signs short-lived access tokens. They carry the customer id, roles and the API audience
 * only: no e-mail or other personal data, since anyone holding a token can read its
 * claims.
 */
@Component
class AccessTokens {

	static final String ISSUER = "emporium";

	static final String ROLES = "roles";

	private final JwtEncoder encoder;

	private final String keyId;

	private final Clock clock;

	private final Duration ttl;

	private final String audience;

	AccessTokens(SigningKey key, Clock clock, IdentityProperties properties) {
		this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key.rsaKey())));
		this.keyId = key.keyId();
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
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(this.keyId).type("JWT").build();
		return this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
	}

	Duration ttl() {
		return this.ttl;
	}

}
