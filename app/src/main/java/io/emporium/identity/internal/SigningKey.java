package io.emporium.identity.internal;

import java.util.Map;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;

/**
 * The key pair that signs access tokens; only its public half ever leaves this module.
 */
public final class SigningKey {

	private final RSAKey key;

	SigningKey(RSAKey key) {
		this.key = key;
	}

	/** The JWKS document: the public key with its key id, for anyone verifying tokens. */
	public Map<String, Object> publicJwkSet() {
		return new JWKSet(this.key.toPublicJWK()).toJSONObject(true);
	}

	String keyId() {
		return this.key.getKeyID();
	}

	RSAKey rsaKey() {
		return this.key;
	}

	@Override
	public String toString() {
		return "SigningKey[kid=" + keyId() + "]";
	}

}
