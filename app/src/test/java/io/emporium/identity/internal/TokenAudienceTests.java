package io.emporium.identity.internal;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.emporium.ApiClient;
import io.emporium.HttpTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token signed with the store's own key is still refused unless it names the API as its
 * audience: the key may one day sign tokens for other services.
 */
class TokenAudienceTests extends HttpTestSupport {

	@Autowired
	SigningKeys keys;

	@Test
	void aTokenForTheApiAudienceIsAccepted() throws Exception {
		String customerId = this.store.customer().id();

		ApiClient.Response response = this.store.api().as(token(customerId, List.of("emporium-api"))).get("/api/v1/me");

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
	}

	@Test
	void aTokenForAnotherAudienceIsUnauthorized() throws Exception {
		String customerId = this.store.customer().id();

		ApiClient.Response response = this.store.api()
			.as(token(customerId, List.of("another-service")))
			.get("/api/v1/me");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.isProblem()).isTrue();
	}

	@Test
	void aTokenWithoutAudienceIsUnauthorized() throws Exception {
		String customerId = this.store.customer().id();

		ApiClient.Response response = this.store.api().as(token(customerId, List.of())).get("/api/v1/me");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.isProblem()).isTrue();
	}

	@Test
	void aRefusedTokenIsNotExplained() throws Exception {
		String customerId = this.store.customer().id();

		ApiClient.Response response = this.store.api()
			.as(token(customerId, List.of("another-service")))
			.get("/api/v1/me");

		assertThat(response.header("WWW-Authenticate")).startsWith("Bearer").doesNotContainIgnoringCase("aud");
		assertThat(response.body()).doesNotContainIgnoringCase("aud");
	}

	/** The claims the store itself issues, with the given audience (none when empty). */
	private String token(String customerId, List<String> audience) throws JOSEException {
		Instant now = Instant.now();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(AccessTokens.ISSUER)
			.subject(customerId)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(300)))
			.jwtID(UUID.randomUUID().toString())
			.claim(AccessTokens.ROLES, List.of("CUSTOMER"));
		if (!audience.isEmpty()) {
			claims.audience(audience);
		}
		SigningKey key = this.keys.ring().current();
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.keyId()).type(JOSEObjectType.JWT).build(),
				claims.build());
		jwt.sign(new RSASSASigner(key.rsaKey()));
		return jwt.serialize();
	}

}
