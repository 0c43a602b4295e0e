package io.emporium.identity.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SigningKeyStoreTests {

	@TempDir
	Path folder;

	@Test
	void loadingTwiceFromTheSameFolderGivesTheSameKey() {
		Path file = this.folder.resolve("keys").resolve("jwt-signing.json");

		RSAKey first = new SigningKeyStore(file).loadOrCreate();
		RSAKey second = new SigningKeyStore(file).loadOrCreate();

		assertThat(second.getKeyID()).isEqualTo(first.getKeyID());
		assertThat(second).isEqualTo(first);
		assertThat(first.isPrivate()).isTrue();
	}

	@Test
	void createsAnOwnerOnlyFileWithoutLeftovers() throws Exception {
		Path file = this.folder.resolve("jwt-signing.json");

		new SigningKeyStore(file).loadOrCreate();

		assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE);
		try (var files = Files.list(this.folder)) {
			assertThat(files).containsExactly(file);
		}
	}

	@Test
	void differentFoldersGetDifferentKeys() {
		RSAKey one = new SigningKeyStore(this.folder.resolve("one.json")).loadOrCreate();
		RSAKey other = new SigningKeyStore(this.folder.resolve("other.json")).loadOrCreate();

		assertThat(other.getKeyID()).isNotEqualTo(one.getKeyID());
	}

	@Test
	void refusesAFileWithoutThePrivateKey() throws Exception {
		Path file = this.folder.resolve("public.json");
		RSAKey key = new SigningKeyStore(this.folder.resolve("full.json")).loadOrCreate();
		Files.writeString(file, key.toPublicJWK().toJSONString());

		assertThatIllegalStateException().isThrownBy(() -> new SigningKeyStore(file).loadOrCreate())
			.withMessageContaining("private RSA JWK");
	}

}
