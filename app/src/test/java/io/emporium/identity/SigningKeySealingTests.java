package io.emporium.identity;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.emporium.ApiClient;
import io.emporium.EmbeddedNode;
import io.emporium.StoreFixture;
import io.emporium.platform.BadConfigurationException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Private signing keys sealed at rest: a store that gets a key secret seals the keys it
 * has at the next start without signing anyone out, new keys are sealed too, and a node
 * without the secret, or with another, refuses to start.
 */
@Tag("embedded")
class SigningKeySealingTests {

	private static final String SECRET = "a long and random secret for this test";

	/** Every run uses this one embedded database (H2 wants the leading "./"). */
	private final String dataDir = "./target/test-data/sealing-" + UUID.randomUUID();

	@Test
	void aSecretSealsTheStoredKeysAndSignsNoOneOut() {
		String token;
		try (ConfigurableApplicationContext plain = start()) {
			token = new StoreFixture(port(plain)).admin().bearer();
			assertThat(privateKeys(plain)).allSatisfy(key -> assertThat(sealed(key)).isFalse());
		}

		try (ConfigurableApplicationContext withSecret = start("--emporium.identity.key-secret=" + SECRET)) {
			ApiClient admin = new ApiClient(port(withSecret)).as(token);
			assertThat(admin.get("/api/v1/admin/orders").status()).isEqualTo(200);
			assertThat(admin.post("/api/v1/admin/signing-keys", null).status()).isEqualTo(201);
			assertThat(privateKeys(withSecret)).hasSize(2).allSatisfy(key -> assertThat(sealed(key)).isTrue());
		}

		assertThat(NestedExceptionUtils.getMostSpecificCause(catchThrowable(() -> start().close())))
			.isInstanceOf(BadConfigurationException.class)
			.hasMessageContaining("EMPORIUM_KEY_SECRET is not set");
		assertThat(NestedExceptionUtils
			.getMostSpecificCause(catchThrowable(() -> start("--emporium.identity.key-secret=another secret").close())))
			.isInstanceOf(BadConfigurationException.class)
			.hasMessageContaining("EMPORIUM_KEY_SECRET does not open the signing key");
	}

	private ConfigurableApplicationContext start(String... arguments) {
		return EmbeddedNode.start(this.dataDir, arguments);
	}

	private static List<byte[]> privateKeys(ConfigurableApplicationContext node) {
		return node.getBean(JdbcClient.class)
			.sql("select private_key from identity_signing_key")
			.query((rs, row) -> rs.getBytes(1))
			.list();
	}

	private static boolean sealed(byte[] key) {
		return new String(key, 0, Math.min(key.length, 19), StandardCharsets.US_ASCII).equals("emporium-sealed-v1:");
	}

	private static int port(ConfigurableApplicationContext context) {
		return EmbeddedNode.port(context);
	}

}
