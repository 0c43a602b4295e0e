package io.emporium.identity.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import io.emporium.platform.EmporiumProperties;
import io.emporium.platform.StartupLock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Tokens signed and verified with keys from a real (in-memory) key store. */
class AccessTokensTests {

	private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

	private static final UUID CUSTOMER = UUID.fromString("6b1f7f5e-51d4-4d5c-9d67-1f8d4a0c2b11");

	private static final String AUDIENCE = "emporium-api";

	@TempDir
	Path folder;

	@Test
	void decoderAcceptsItsOwnTokensWithIdAndRoles() {
		SigningKeys keys = store();
		String token = tokens(keys, AUDIENCE).issue(CUSTOMER, List.of("CUSTOMER", "ADMIN"));

		Jwt jwt = decoder(keys, NOW.plusSeconds(60)).decode(token);

		assertThat(jwt.getSubject()).isEqualTo(CUSTOMER.toString());
		assertThat(jwt.getClaimAsStringList("roles")).containsExactly("CUSTOMER", "ADMIN");
		assertThat(jwt.getExpiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
		assertThat(jwt.getHeaders()).containsEntry("kid", keys.ring().currentKeyId());
		assertThat(jwt.getAudience()).containsExactly(AUDIENCE);
	}

	@Test
	void decoderRejectsTokensForAnotherAudience() {
		SigningKeys keys = store();
		String token = tokens(keys, "another-service").issue(CUSTOMER, List.of("CUSTOMER", "ADMIN"));

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder(keys, NOW).decode(token));
	}

	@Test
	void decoderRejectsExpiredTokens() {
		SigningKeys keys = store();
		String token = tokens(keys, AUDIENCE).issue(CUSTOMER, List.of("CUSTOMER"));

		assertThatExceptionOfType(JwtException.class)
			.isThrownBy(() -> decoder(keys, NOW.plus(Duration.ofMinutes(20))).decode(token));
	}

	@Test
	void decoderRejectsTokensSignedWithAnotherStoresKey() {
		String foreign = tokens(store(), AUDIENCE).issue(CUSTOMER, List.of("CUSTOMER", "ADMIN"));

		assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder(store(), NOW).decode(foreign));
	}

	@Test
	void aTokenSignedBeforeARotationIsAcceptedAfterIt() {
		SigningKeys keys = store();
		String before = tokens(keys, AUDIENCE).issue(CUSTOMER, List.of("CUSTOMER"));
		String oldKid = keys.ring().currentKeyId();

		SigningKey rotated = keys.rotate();
		String after = tokens(keys, AUDIENCE).issue(CUSTOMER, List.of("CUSTOMER"));

		assertThat(rotated.keyId()).isNotEqualTo(oldKid);
		assertThat(decoder(keys, NOW.plusSeconds(60)).decode(before).getHeaders()).containsEntry("kid", oldKid);
		assertThat(decoder(keys, NOW.plusSeconds(60)).decode(after).getHeaders()).containsEntry("kid", rotated.keyId());
	}

	@Test
	void anEarlierStoresKeyFileIsImportedIntoAnEmptyStoreOnly() throws Exception {
		SigningKey legacy = SigningKey.generate(NOW);
		Path file = this.folder.resolve("keys").resolve("jwt-signing.json");
		Files.createDirectories(file.getParent());
		Files.writeString(file, legacy.rsaKey().toJSONString());
		DataSource database = database();

		SigningKeys first = store(database);
		String kid = first.ring().currentKeyId();
		first.rotate();
		SigningKeys restarted = store(database);

		assertThat(kid).isEqualTo(legacy.keyId());
		assertThat(restarted.ring().currentKeyId()).isNotEqualTo(legacy.keyId());
		assertThat(restarted.ring().knows(legacy.keyId())).isTrue();
	}

	private SigningKeys store() {
		return store(database());
	}

	private SigningKeys store(DataSource database) {
		return new SigningKeys(new SigningKeyRepository(JdbcClient.create(database), properties(AUDIENCE)),
				new TransactionTemplate(new DataSourceTransactionManager(database)), StartupLock.inProcess(), at(NOW),
				properties(AUDIENCE),
				new EmporiumProperties(this.folder, Set.of("web", "worker"), DataSize.ofMegabytes(1), "emporium"));
	}

	private static DataSource database() {
		DataSource database = new DriverManagerDataSource(
				"jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa",
				"");
		Flyway.configure().dataSource(database).locations("classpath:db/migration/identity").load().migrate();
		return database;
	}

	private static AccessTokens tokens(SigningKeys keys, String audience) {
		return new AccessTokens(keys, at(NOW), properties(audience));
	}

	private static JwtDecoder decoder(SigningKeys keys, Instant now) {
		return TokenConfiguration.decoder(keys.verificationKeys(), at(now), AUDIENCE);
	}

	private static IdentityProperties properties(String audience) {
		return new IdentityProperties(null, Duration.ofMinutes(15), Duration.ofDays(30), audience,
				new IdentityProperties.RateLimits(10, 30, 5, Duration.ofMinutes(1)), Duration.ofSeconds(5), null);
	}

	private static Clock at(Instant instant) {
		return Clock.fixed(instant, ZoneOffset.UTC);
	}

}
