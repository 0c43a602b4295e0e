package io.emporium.checkout.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import io.emporium.platform.ConflictException;
import io.emporium.platform.InvalidRequestException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Claims Idempotency-Keys in the database, so that exactly one request per key does the
 * work on any node. Uniqueness is the primary key constraint; no JVM lock is involved.
 */
@Component
class IdempotencyKeys {

	private final JdbcClient jdbc;

	private final CheckoutProperties properties;

	private final Clock clock;

	IdempotencyKeys(JdbcClient jdbc, CheckoutProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Returns empty when this request now owns the key and must do the work, or the
	 * stored outcome of an earlier request with the same key and body.
	 * @throws InvalidRequestException when the key was used with another body (422)
	 * @throws ConflictException when a duplicate is still running after the wait (409)
	 */
	Optional<CheckoutOutcome> claim(String key, String requestHash) {
		if (tryInsert(key, requestHash)) {
			return Optional.empty();
		}
		Instant deadline = this.clock.instant().plus(this.properties.duplicateWait());
		long pause = 20;
		while (true) {
			Stored stored = find(key).orElse(null);
			if (stored == null) {
				if (tryInsert(key, requestHash)) {
					return Optional.empty();
				}
				continue;
			}
			if (!stored.hash().equals(requestHash)) {
				throw new InvalidRequestException("idempotency-key-reused",
						"This Idempotency-Key was already used for a different request");
			}
			if (stored.outcome() != null) {
				return Optional.of(stored.outcome().asReplay());
			}
			if (takeOverStale(key)) {
				return Optional.empty();
			}
			if (this.clock.instant().isAfter(deadline)) {
				throw new ConflictException("checkout-in-progress",
						"A checkout with this Idempotency-Key is still in progress; retry shortly");
			}
			pause(pause);
			pause = Math.min(pause * 2, 250);
		}
	}

	void complete(String key, CheckoutOutcome outcome) {
		this.jdbc.sql("""
				update checkout_idempotency
				set state = 'DONE', response_status = :status, response_body = :body, updated_at = :at
				where idempotency_key = :key""")
			.param("status", outcome.status())
			.param("body", outcome.body())
			.param("at", Timestamp.from(this.clock.instant()))
			.param("key", key)
			.update();
	}

	/**
	 * Lets the key be used again, after a failure that charged nothing and decided
	 * nothing.
	 */
	void forget(String key) {
		this.jdbc.sql("delete from checkout_idempotency where idempotency_key = :key and state = 'IN_PROGRESS'")
			.param("key", key)
			.update();
	}

	int deleteFinishedBefore(Instant before) {
		return this.jdbc.sql("delete from checkout_idempotency where state = 'DONE' and created_at < :before")
			.param("before", Timestamp.from(before))
			.update();
	}

	private boolean tryInsert(String key, String hash) {
		Timestamp now = Timestamp.from(this.clock.instant());
		try {
			this.jdbc.sql("""
					insert into checkout_idempotency (idempotency_key, request_hash, state, created_at, updated_at)
					values (:key, :hash, 'IN_PROGRESS', :now, :now)""")
				.param("key", key)
				.param("hash", hash)
				.param("now", now)
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private boolean takeOverStale(String key) {
		Instant now = this.clock.instant();
		return this.jdbc.sql("""
				update checkout_idempotency set updated_at = :now
				where idempotency_key = :key and state = 'IN_PROGRESS' and updated_at < :staleBefore""")
			.param("now", Timestamp.from(now))
			.param("key", key)
			.param("staleBefore", Timestamp.from(now.minus(this.properties.staleAfter())))
			.update() == 1;
	}

	private Optional<Stored> find(String key) {
		return this.jdbc.sql(
				"select request_hash, response_status, response_body from checkout_idempotency where idempotency_key = :key")
			.param("key", key)
			.query((rs, row) -> {
				int status = rs.getInt("response_status");
				CheckoutOutcome outcome = rs.wasNull() ? null
						: new CheckoutOutcome(status, rs.getString("response_body"), false);
				return new Stored(rs.getString("request_hash").trim(), outcome);
			})
			.optional();
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ConflictException("checkout-in-progress", "Interrupted while waiting for a duplicate request");
		}
	}

	private record Stored(String hash, @org.jspecify.annotations.Nullable CheckoutOutcome outcome) {
	}

}
