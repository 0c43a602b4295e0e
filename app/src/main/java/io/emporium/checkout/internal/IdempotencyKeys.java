package io.emporium.checkout.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import io.emporium.cart.CheckoutClaim;
import io.emporium.checkout.CheckoutAbandoned;
import io.emporium.platform.ConflictException;
import io.emporium.platform.InvalidRequestException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims Idempotency-Keys in the database, so that exactly one request per key does the
 * work on any node. Uniqueness is the primary key constraint; every owner holds a fencing
 * token, and progress or an outcome is only recorded under the current token, so a late
 * finisher whose key was taken over cannot overwrite anything.
 */
@Component
class IdempotencyKeys {

	private final JdbcClient jdbc;

	private final CheckoutProperties properties;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	IdempotencyKeys(JdbcClient jdbc, CheckoutProperties properties, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** What a request that presents a key gets: the work to do, or an earlier answer. */
	sealed interface Claim {

	}

	/**
	 * This request owns the key under {@code claim}; {@code cartHash} is the priced cart
	 * an earlier attempt of the same key was for, if any; {@code newKey} is set while the
	 * key is not stored yet, and the attempt stores it with its hold.
	 */
	record Owned(CheckoutClaim claim, @Nullable String cartHash, @Nullable NewKey newKey) implements Claim {

		boolean isNew() {
			return this.newKey != null;
		}

	}

	/** What a key is stored with when its first attempt stores it. */
	record NewKey(String requestHash, String cartId) {
	}

	record Replay(CheckoutOutcome outcome) implements Claim {
	}

	/**
	 * The first attempt of a key presumed new, which stores the key in the transaction of
	 * its hold (one commit less while the shopper waits). Its token is random, so two
	 * first attempts that race for one key never share one: the one whose insert loses
	 * stored nothing and must not touch the row or the cart claim of the one that won.
	 * Only for carts whose claims join the transaction (the hold's rollback undoes the
	 * claim); where they do not, a claim could outlive a key that was never stored.
	 */
	Owned unseen(String key, String requestHash, String cartId) {
		return new Owned(new CheckoutClaim(key, ThreadLocalRandom.current().nextLong(2, 1L << 40)), null,
				new NewKey(requestHash, cartId));
	}

	/**
	 * Owns the key (new, given back by a failed attempt, or stale) or returns the stored
	 * outcome of an earlier request with the same key and body.
	 * @throws InvalidRequestException when the key was used with another body (422)
	 * @throws ConflictException when a duplicate is still running after the wait (409)
	 */
	Claim claim(String key, String requestHash, String cartId) {
		Instant deadline = this.clock.instant().plus(this.properties.duplicateWait());
		long pause = 20;
		while (true) {
			if (tryInsert(key, requestHash, cartId, 1)) {
				return new Owned(new CheckoutClaim(key, 1), null, null);
			}
			Row row = find(key).orElse(null);
			if (row == null) {
				// Deleted since the insert failed (retention), or still being inserted
				// by a first attempt whose transaction has not ended.
				pause(pause);
				continue;
			}
			if (!row.requestHash().equals(requestHash)) {
				throw keyReused();
			}
			if (row.outcome() != null) {
				return new Replay(row.outcome().asReplay());
			}
			boolean stale = row.updatedAt().isBefore(this.clock.instant().minus(this.properties.staleAfter()));
			if (row.state().equals("RETRYABLE") || stale) {
				if (takeOver(row, "IN_PROGRESS")) {
					return new Owned(new CheckoutClaim(key, row.fence() + 1), row.cartHash(), null);
				}
				continue;
			}
			if (this.clock.instant().isAfter(deadline)) {
				throw new ConflictException("checkout-in-progress",
						"A checkout with this Idempotency-Key is still in progress; retry shortly");
			}
			pause(pause);
			pause = Math.min(pause * 2, 250);
		}
	}

	/** {@link #recordHold(Owned, Supplier)} for an attempt of a stored key. */
	Optional<HeldCart> recordHold(CheckoutClaim claim, Supplier<HeldCart> hold) {
		return recordHold(new Owned(claim, null, null), hold);
	}

	/**
	 * Holds stock and records the hold, with the priced cart it is for, under the claim
	 * in one transaction (storing a new key first): empty, and nothing held, when the
	 * claim was taken over.
	 * @throws KeyExists when a new key turns out to be stored already; nothing was held
	 */
	Optional<HeldCart> recordHold(Owned owned, Supplier<HeldCart> hold) {
		CheckoutClaim claim = owned.claim();
		return Optional.ofNullable(this.transactions.execute(status -> {
			NewKey newKey = owned.newKey();
			// A concurrent first attempt of the key waits here until this one has ended.
			if (newKey != null && !tryInsert(claim.key(), newKey.requestHash(), newKey.cartId(), claim.fence())) {
				throw new KeyExists();
			}
			HeldCart held = hold.get();
			if (progress(claim, "cart_hash = :hash, reservation_id = :reservation")
				.param("hash", held.priced().fingerprint())
				.param("reservation", held.reservation().value())
				.update() == 1) {
				return held;
			}
			status.setRollbackOnly();
			return null;
		}));
	}

	/**
	 * Whether the claim still owns the key; run in the settlement's transaction, it also
	 * locks the key's row, so a takeover waits until the settlement is decided.
	 */
	boolean stillOwned(CheckoutClaim claim) {
		return progress(claim, "fence = fence").update() == 1;
	}

	/**
	 * Stores the key's final outcome; false (and nothing stored) when the claim was taken
	 * over. Runs in the caller's transaction.
	 */
	boolean complete(CheckoutClaim claim, CheckoutOutcome outcome) {
		return this.jdbc.sql("""
				update checkout_idempotency
				set state = 'DONE', response_status = :status, response_body = :body, updated_at = :at
				where idempotency_key = :key and fence = :fence and state = 'IN_PROGRESS'""")
			.param("status", outcome.status())
			.param("body", outcome.body())
			.param("at", now())
			.param("key", claim.key())
			.param("fence", claim.fence())
			.update() == 1;
	}

	/**
	 * Stores a decided failure as the key's answer: under the claim, or, for a new key
	 * whose attempt stored nothing, as the key's first row. False, and nothing stored,
	 * when the claim was taken over or another attempt stored the key first.
	 */
	boolean decide(Owned owned, CheckoutOutcome outcome) {
		NewKey newKey = owned.newKey();
		if (complete(owned.claim(), outcome)) {
			return true;
		}
		if (newKey == null) {
			return false;
		}
		return this.jdbc.sql("""
				insert into checkout_idempotency (idempotency_key, request_hash, state, fence, cart_id,
					response_status, response_body, created_at, updated_at)
				values (:key, :hash, 'DONE', :fence, :cart, :status, :body, :now, :now)
				on conflict do nothing""")
			.param("key", owned.claim().key())
			.param("hash", newKey.requestHash())
			.param("fence", owned.claim().fence())
			.param("cart", newKey.cartId())
			.param("status", outcome.status())
			.param("body", outcome.body())
			.param("now", now())
			.update() == 1;
	}

	/**
	 * Gives the key back after a failure that decided nothing: the attempt has undone
	 * what it held, and the next request with the key starts afresh.
	 */
	void reopen(CheckoutClaim claim) {
		this.jdbc.sql("""
				update checkout_idempotency
				set state = 'RETRYABLE', reservation_id = null, updated_at = :at
				where idempotency_key = :key and fence = :fence and state = 'IN_PROGRESS'""")
			.param("at", now())
			.param("key", claim.key())
			.param("fence", claim.fence())
			.update();
	}

	/** Keys whose attempt made no progress since {@code before}, oldest first. */
	List<String> staleSince(Instant before, int limit) {
		return this.jdbc.sql("""
				select idempotency_key from checkout_idempotency
				where state = 'IN_PROGRESS' and updated_at < :before
				order by updated_at
				limit :limit""")
			.param("before", Timestamp.from(before))
			.param("limit", limit)
			.query(String.class)
			.list();
	}

	/**
	 * Takes a stale attempt's key away from it and gives the key back for a retry; the
	 * attempt's holdings are announced as abandoned. False when it was no longer stale.
	 */
	boolean abandon(String key, Instant staleBefore) {
		return find(key).filter(row -> row.state().equals("IN_PROGRESS") && row.updatedAt().isBefore(staleBefore))
			.map(row -> takeOver(row, "RETRYABLE"))
			.orElse(false);
	}

	int deleteFinishedBefore(Instant before) {
		return this.jdbc
			.sql("delete from checkout_idempotency where state in ('DONE', 'RETRYABLE') and created_at < :before")
			.param("before", Timestamp.from(before))
			.update();
	}

	/** An update of the claim's row that only the current token's holder can make. */
	private JdbcClient.StatementSpec progress(CheckoutClaim claim, String assignments) {
		return this.jdbc.sql("update checkout_idempotency set " + assignments + """
				, updated_at = :at
				where idempotency_key = :key and fence = :fence and state = 'IN_PROGRESS'""")
			.param("at", now())
			.param("key", claim.key())
			.param("fence", claim.fence());
	}

	/**
	 * Raises the token of the row as it was read, moving it to {@code state}. A takeover
	 * of an attempt that was still in progress announces what it held, in the same
	 * transaction, so that it is given back even if this node dies next.
	 */
	private boolean takeOver(Row row, String state) {
		Boolean taken = this.transactions.execute(status -> {
			int rows = this.jdbc.sql("""
					update checkout_idempotency
					set fence = fence + 1, state = :state, reservation_id = null, updated_at = :at
					where idempotency_key = :key and fence = :fence and state = :seen""")
				.param("state", state)
				.param("at", now())
				.param("key", row.key())
				.param("fence", row.fence())
				.param("seen", row.state())
				.update();
			if (rows == 1 && row.state().equals("IN_PROGRESS")) {
				this.events.publishEvent(new CheckoutAbandoned(row.key(), row.fence(), row.cartId(),
						row.reservationId(), this.clock.instant()));
			}
			return rows == 1;
		});
		return Boolean.TRUE.equals(taken);
	}

	/**
	 * Inserts the key unless it exists; a conflict is a row count of zero, not an
	 * exception, so a surrounding PostgreSQL transaction stays usable.
	 */
	private boolean tryInsert(String key, String hash, String cartId, long fence) {
		Timestamp now = now();
		return this.jdbc.sql("""
				insert into checkout_idempotency
					(idempotency_key, request_hash, state, fence, cart_id, created_at, updated_at)
				values (:key, :hash, 'IN_PROGRESS', :fence, :cart, :now, :now)
				on conflict do nothing""")
			.param("key", key)
			.param("hash", hash)
			.param("fence", fence)
			.param("cart", cartId)
			.param("now", now)
			.update() == 1;
	}

	private Optional<Row> find(String key) {
		return this.jdbc.sql("select * from checkout_idempotency where idempotency_key = :key")
			.param("key", key)
			.query(IdempotencyKeys::row)
			.optional();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		int status = rs.getInt("response_status");
		CheckoutOutcome outcome = rs.wasNull() ? null
				: new CheckoutOutcome(status, rs.getString("response_body"), false);
		String cartHash = rs.getString("cart_hash");
		return new Row(rs.getString("idempotency_key"), rs.getString("request_hash").trim(), rs.getString("state"),
				rs.getLong("fence"), rs.getString("cart_id"), (cartHash != null) ? cartHash.trim() : null,
				rs.getObject("reservation_id", UUID.class), outcome, rs.getTimestamp("updated_at").toInstant());
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	/**
	 * A key presumed new was stored by another request: this attempt held nothing, and
	 * the request claims the key as a retry does.
	 */
	static final class KeyExists extends RuntimeException {

		KeyExists() {
			super("the Idempotency-Key is stored already", null, false, false);
		}

	}

	static InvalidRequestException keyReused() {
		return new InvalidRequestException("idempotency-key-reused",
				"This Idempotency-Key was already used for a different request");
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

	private record Row(String key, String requestHash, String state, long fence, @Nullable String cartId,
			@Nullable String cartHash, @Nullable UUID reservationId, @Nullable CheckoutOutcome outcome,
			Instant updatedAt) {
	}

}
