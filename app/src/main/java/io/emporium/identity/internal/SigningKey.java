package io.emporium.identity.internal;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.jspecify.annotations.Nullable;

/**
 * One RS256 key pair of the shared key store, named by its {@code kid} (the JWK
 * thumbprint). Only its public half ever leaves this module.
 */
record SigningKey(RSAKey rsaKey, Instant createdAt, @Nullable Instant retiredAt) {

	private static final int KEY_SIZE = 2048;

	SigningKey {
		if (!rsaKey.isPrivate() || rsaKey.getKeyID() == null) {
			throw new IllegalArgumentException("a signing key needs its private half and a key id (kid)");
		}
	}

	static SigningKey generate(Instant now) {
		try {
			return new SigningKey(new RSAKeyGenerator(KEY_SIZE).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyIDFromThumbprint(true)
				.generate(), now, null);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("cannot generate an RSA key pair", ex);
		}
	}

	/** The key as stored: X.509 public key and PKCS#8 private key, both DER. */
	static SigningKey decode(String kid, byte[] publicKey, byte[] privateKey, Instant createdAt,
			@Nullable Instant retiredAt) {
		try {
			KeyFactory rsa = KeyFactory.getInstance("RSA");
			RSAPublicKey publicHalf = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(publicKey));
			RSAPrivateKey privateHalf = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(privateKey));
			return new SigningKey(new RSAKey.Builder(publicHalf).privateKey(privateHalf)
				.keyID(kid)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.build(), createdAt, retiredAt);
		}
		catch (GeneralSecurityException | ClassCastException ex) {
			throw new IllegalStateException("the stored signing key " + kid + " is not an RSA key pair", ex);
		}
	}

	String keyId() {
		return this.rsaKey.getKeyID();
	}

	byte[] publicKeyDer() {
		try {
			return this.rsaKey.toPublicKey().getEncoded();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	byte[] privateKeyPkcs8() {
		try {
			return this.rsaKey.toPrivateKey().getEncoded();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	boolean verifiesAt(Instant now, Duration acceptFor) {
		return this.retiredAt == null || this.retiredAt.plus(acceptFor).isAfter(now);
	}

	@Override
	public String toString() {
		return "SigningKey[kid=" + keyId() + "]";
	}

}
