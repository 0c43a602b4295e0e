package io.emporium.identity.internal;

import java.time.Clock;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The {@link JwtDecoder} that platform's security wiring uses to check bearer tokens:
 * RS256 only, key chosen by kid among the shared keys that still verify, issuer and
 * audience checked, expiry checked against the application {@link Clock}. A token minted
 * for another audience (another service trusting the same key) is refused here.
 */
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

	@Bean
	JwtDecoder jwtDecoder(SigningKeys keys, Clock clock, IdentityProperties identity) {
		return decoder(keys.verificationKeys(), clock, identity.audience());
	}

	static NimbusJwtDecoder decoder(JWKSource<SecurityContext> keys, Clock clock, String audience) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(keys).jwsAlgorithm(SignatureAlgorithm.RS256).build();
		JwtTimestampValidator expiry = new JwtTimestampValidator();
		expiry.setClock(clock);
		decoder.setJwtValidator(
				JwtValidators.createDefaultWithValidators(expiry, new JwtIssuerValidator(AccessTokens.ISSUER),
						new JwtAudienceValidator(audience), JwtTypeValidator.jwt()));
		return decoder;
	}

}
