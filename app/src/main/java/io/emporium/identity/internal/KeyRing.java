package io.emporium.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * What a node knows of the shared keys at one moment: the key that signs (the newest not
 * retired) and the public keys that verify (that one and those retired less than
 * {@code acceptFor} ago). Immutable, so readers never see a half-made ring.
 */
record KeyRing(SigningKey current, JWKSet verification, JwtEncoder encoder) {

	static KeyRing of(List<SigningKey> keys, Instant now, Duration acceptFor) {
		SigningKey current = keys.stream()
			.filter(key -> key.retiredAt() == null)
			.max(Comparator.comparing(SigningKey::createdAt).thenComparing(SigningKey::keyId))
			.orElseThrow(() -> new IllegalStateException("no signing key is current"));
		List<JWK> verifying = keys.stream()
			.filter(key -> key == current || key.verifiesAt(now, acceptFor))
			.map(key -> (JWK) key.rsaKey().toPublicJWK())
			.toList();
		return new KeyRing(current, new JWKSet(verifying),
				new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(current.rsaKey()))));
	}

	String currentKeyId() {
		return this.current.keyId();
	}

	boolean knows(String keyId) {
		return this.verification.getKeyByKeyId(keyId) != null;
	}

}
