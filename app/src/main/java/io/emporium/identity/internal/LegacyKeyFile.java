package io.emporium.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Optional;

import com.nimbusds.jose.jwk.RSAKey;

/**
 * The JWK file in which stores before the shared key store kept their only signing key.
 * It is read once, when the store has no key yet, so that tokens it signed stay valid.
 */
record LegacyKeyFile(Path file) {

	Optional<RSAKey> read() {
		if (Files.notExists(this.file)) {
			return Optional.empty();
		}
		try {
			RSAKey key = RSAKey.parse(Files.readString(this.file, StandardCharsets.UTF_8));
			if (!key.isPrivate() || key.getKeyID() == null) {
				throw new IllegalStateException(
						"the JWT signing key file " + this.file + " must hold a private RSA JWK with a key id (kid)");
			}
			return Optional.of(key);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the JWT signing key file " + this.file, ex);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("the JWT signing key file " + this.file + " is not an RSA JWK", ex);
		}
	}

}
