package io.emporium.identity.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of the shared signing keys; the kid, a key's thumbprint, is their primary key.
 * Private halves are sealed at rest when a key secret is set ({@link KeySealing}).
 */
@Repository
class SigningKeyRepository {

	private final JdbcClient jdbc;

	private final KeySealing sealing;

	SigningKeyRepository(JdbcClient jdbc, IdentityProperties identity) {
		this.jdbc = jdbc;
		this.sealing = new KeySealing(identity.keySecret());
	}

	/** Keys not retired, or retired after {@code retiredAfter}. */
	List<SigningKey> usable(Instant retiredAfter) {
		return this.jdbc.sql("""
				select kid, public_key, private_key, created_at, retired_at from identity_signing_key
				where retired_at is null or retired_at > :after""")
			.param("after", utc(retiredAfter))
			.query((rs, row) -> {
				OffsetDateTime retired = rs.getObject("retired_at", OffsetDateTime.class);
				String kid = rs.getString("kid");
				return SigningKey.decode(kid, rs.getBytes("public_key"),
						this.sealing.open(kid, rs.getBytes("private_key")),
						rs.getObject("created_at", OffsetDateTime.class).toInstant(),
						(retired != null) ? retired.toInstant() : null);
			})
			.list();
	}

	boolean anyCurrent() {
		return this.jdbc.sql("select count(*) from identity_signing_key where retired_at is null")
			.query(Long.class)
			.single() > 0;
	}

	boolean any() {
		return this.jdbc.sql("select count(*) from identity_signing_key").query(Long.class).single() > 0;
	}

	void insert(SigningKey key) {
		this.jdbc.sql("""
				insert into identity_signing_key (kid, public_key, private_key, created_at)
				values (:kid, :public, :private, :created)""")
			.param("kid", key.keyId())
			.param("public", key.publicKeyDer())
			.param("private", this.sealing.seal(key.privateKeyPkcs8()))
			.param("created", utc(key.createdAt()))
			.update();
	}

	boolean sealsKeys() {
		return this.sealing.sealing();
	}

	/**
	 * Seals the private keys stored before a key secret was set; returns how many. Runs
	 * under the start-up lock, so nodes starting together do not seal a key twice.
	 */
	int sealUnsealed() {
		if (!sealsKeys()) {
			return 0;
		}
		List<Stored> unsealed = this.jdbc.sql("select kid, private_key from identity_signing_key")
			.query((rs, row) -> new Stored(rs.getString("kid"), rs.getBytes("private_key")))
			.stream()
			.filter(stored -> !KeySealing.sealed(stored.privateKey()))
			.toList();
		unsealed
			.forEach(stored -> this.jdbc.sql("update identity_signing_key set private_key = :sealed where kid = :kid")
				.param("sealed", this.sealing.seal(stored.privateKey()))
				.param("kid", stored.kid())
				.update());
		return unsealed.size();
	}

	/** Retires every key still current except {@code kid}; returns how many. */
	int retireAllBut(String kid, Instant at) {
		return this.jdbc
			.sql("update identity_signing_key set retired_at = :at where retired_at is null and kid <> :kid")
			.param("at", utc(at))
			.param("kid", kid)
			.update();
	}

	private record Stored(String kid, byte[] privateKey) {
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
