package io.emporium.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * Keeps the RS256 signing key pair in one JWK file, so tokens stay valid across restarts.
 * The file is created (owner-only where the file system allows) on first use; when two
 * processes race to create it, the first file written wins and both load it. Every node
 * that should accept the same tokens must read the same file.
 */
class SigningKeyStore {

	private static final int KEY_SIZE = 2048;

	private final Path file;

	SigningKeyStore(Path file) {
		this.file = file.toAbsolutePath();
	}

	RSAKey loadOrCreate() {
		try {
			if (Files.notExists(this.file)) {
				create();
			}
			return load();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create the JWT signing key file " + this.file, ex);
		}
	}

	private RSAKey load() throws IOException {
		try {
			RSAKey key = RSAKey.parse(Files.readString(this.file, StandardCharsets.UTF_8));
			if (!key.isPrivate() || key.getKeyID() == null) {
				throw new IllegalStateException(
						"the JWT signing key file " + this.file + " must hold a private RSA JWK with a key id (kid)");
			}
			return key;
		}
		catch (ParseException ex) {
			throw new IllegalStateException("the JWT signing key file " + this.file + " is not an RSA JWK", ex);
		}
	}

	private void create() throws IOException {
		Path folder = this.file.getParent();
		Files.createDirectories(folder);
		// On POSIX file systems a temporary file is readable by its owner only (0600).
		Path temporary = Files.createTempFile(folder, ".jwt-signing", ".tmp");
		try {
			Files.writeString(temporary, generate().toJSONString(), StandardCharsets.UTF_8);
			Files.move(temporary, this.file);
		}
		catch (FileAlreadyExistsException ex) {
			// Another process created it first; use theirs.
		}
		finally {
			Files.deleteIfExists(temporary);
		}
	}

	private static RSAKey generate() {
		try {
			return new RSAKeyGenerator(KEY_SIZE).keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.keyIDFromThumbprint(true)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("cannot generate an RSA key pair", ex);
		}
	}

}
