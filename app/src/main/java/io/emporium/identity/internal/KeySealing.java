package io.emporium.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.emporium.platform.BadConfigurationException;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.codec.Hex;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.encrypt.Encryptors;

/**
 * Seals private signing keys at rest under {@code emporium.identity.key-secret}
 * ({@code EMPORIUM_KEY_SECRET}) with AES-256-GCM (Spring Security's
 * {@link Encryptors#stronger}), so a copy of the database does not hand out the power to
 * sign tokens. Without a secret keys are stored as they are. A sealed key starts with
 * {@link #SEALED}, so both kinds can be read, and a store that gets a secret seals the
 * keys it already has.
 */
final class KeySealing {

	private static final byte[] SEALED = "emporium-sealed-v1:".getBytes(StandardCharsets.US_ASCII);

	private static final String SALT = new String(
			Hex.encode("emporium-signing-keys".getBytes(StandardCharsets.US_ASCII)));

	private final @Nullable BytesEncryptor encryptor;

	KeySealing(@Nullable String secret) {
		this.encryptor = (secret == null || secret.isBlank()) ? null : Encryptors.stronger(secret, SALT);
	}

	boolean sealing() {
		return this.encryptor != null;
	}

	byte[] seal(byte[] privateKey) {
		if (this.encryptor == null) {
			return privateKey;
		}
		byte[] sealed = this.encryptor.encrypt(privateKey);
		byte[] stored = Arrays.copyOf(SEALED, SEALED.length + sealed.length);
		System.arraycopy(sealed, 0, stored, SEALED.length, sealed.length);
		return stored;
	}

	/**
	 * The private key as stored, opened if sealed.
	 * @throws BadConfigurationException when the key is sealed and no secret, or another
	 * one, is set
	 */
	byte[] open(String kid, byte[] stored) {
		if (!sealed(stored)) {
			return stored;
		}
		if (this.encryptor == null) {
			throw new BadConfigurationException("The signing keys are sealed and EMPORIUM_KEY_SECRET is not set.",
					"Set EMPORIUM_KEY_SECRET (emporium.identity.key-secret) to the secret they were sealed with.");
		}
		try {
			return this.encryptor.decrypt(Arrays.copyOfRange(stored, SEALED.length, stored.length));
		}
		catch (IllegalStateException ex) {
			throw new BadConfigurationException("EMPORIUM_KEY_SECRET does not open the signing key " + kid + ".",
					"Set EMPORIUM_KEY_SECRET (emporium.identity.key-secret) to the secret the keys were sealed with.");
		}
	}

	static boolean sealed(byte[] stored) {
		return stored.length > SEALED.length && Arrays.equals(stored, 0, SEALED.length, SEALED, 0, SEALED.length);
	}

}
