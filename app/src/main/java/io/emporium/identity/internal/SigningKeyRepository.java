package io.emporium.identity.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of the shared signing keys; the kid, a key's thumbprint, is their primary key. */
@Repository
class SigningKeyRepository {

	private final JdbcClient jdbc;

	SigningKeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Keys not retired, or retired after {@code retiredAfter}. */
	List<SigningKey> usable(Instant retiredAfter) {
		return this.jdbc.sql("""
				select kid, public_key, private_key, created_at, retired_at from identity_signing_key
				where retired_at is null or retired_at > :after""")
			.param("after", utc(retiredAfter))
			.query((rs, row) -> {
				OffsetDateTime retired = rs.getObject("retired_at", OffsetDateTime.class);
				return SigningKey.decode(rs.getString("kid"), rs.getBytes("public_key"), rs.getBytes("private_key"),
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
			.param("private", key.privateKeyPkcs8())
			.param("created", utc(key.createdAt()))
			.update();
	}

	/** Retires every key still current except {@code kid}; returns how many. */
	int retireAllBut(String kid, Instant at) {
		return this.jdbc
			.sql("update identity_signing_key set retired_at = :at where retired_at is null and kid <> :kid")
			.param("at", utc(at))
			.param("kid", kid)
			.update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
