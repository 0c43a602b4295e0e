package io.emporium.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Opaque, single-use refresh tokens. Only a SHA-256 hash is stored, so a leaked table
 * cannot be replayed. Using a token is one conditional update, so two concurrent
 * refreshes with the same token cannot both win; presenting an already used token revokes
 * its whole family (every token rotated from the same sign-in), as it was probably
 * stolen.
 */
@Repository
class RefreshTokens {

	private static final int TOKEN_BYTES = 32;

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration ttl;

	RefreshTokens(JdbcClient jdbc, Clock clock, IdentityProperties properties) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.ttl = properties.refreshTokenTtl();
	}

	/** Starts a new family (a sign-in) and returns its first token. */
	String issue(UUID customerId) {
		return issue(customerId, UUID.randomUUID());
	}

	/**
	 * Marks the token used and returns its owner and family, or empty when it is unknown,
	 * expired or already used (then its family is revoked). Call it in one transaction
	 * with the issuing of the next token, so a failure in between cannot strand the
	 * client.
	 */
	Optional<Use> use(String token) {
		String hash = hash(token);
		OffsetDateTime now = now();
		int rows = this.jdbc.sql("""
				update identity_refresh_token set used_at = :now
				where token_hash = :hash and used_at is null and expires_at > :now""")
			.param("now", now)
			.param("hash", hash)
			.update();
		Optional<Use> found = this.jdbc
			.sql("select customer_id, family_id from identity_refresh_token where token_hash = :hash")
			.param("hash", hash)
			.query((rs, n) -> new Use(rs.getObject("customer_id", UUID.class), rs.getObject("family_id", UUID.class)))
			.optional();
		if (rows == 1) {
			return found;
		}
		found.ifPresent(presented -> revokeFamily(presented.familyId()));
		return Optional.empty();
	}

	String issue(UUID customerId, UUID familyId) {
		byte[] bytes = new byte[TOKEN_BYTES];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.jdbc.sql("""
				insert into identity_refresh_token (token_hash, family_id, customer_id, expires_at)
				values (:hash, :family, :customer, :expires)""")
			.param("hash", hash(token))
			.param("family", familyId)
			.param("customer", customerId)
			.param("expires", OffsetDateTime.ofInstant(this.clock.instant().plus(this.ttl), ZoneOffset.UTC))
			.update();
		return token;
	}

	/** Deletes tokens that can no longer be used; returns how many. */
	int deleteExpired() {
		return this.jdbc.sql("delete from identity_refresh_token where expires_at <= :now")
			.param("now", now())
			.update();
	}

	private void revokeFamily(UUID familyId) {
		// Expiring the rest of the family makes every token from that sign-in unusable.
		this.jdbc.sql("""
				update identity_refresh_token set expires_at = :now
				where family_id = :family and expires_at > :now""")
			.param("now", now())
			.param("family", familyId)
			.update();
	}

	private OffsetDateTime now() {
		Instant now = this.clock.instant();
		return OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
	}

	private static String hash(String token) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java platform has SHA-256", ex);
		}
	}

	/** A successful use: whose token it was and the family the next one joins. */
	record Use(UUID customerId, UUID familyId) {
	}

}
