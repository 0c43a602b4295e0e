package io.emporium.payments.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.emporium.payments.internal.Payment.Operation;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static io.emporium.payments.internal.PaymentRepository.truncate;
import static io.emporium.payments.internal.PaymentRepository.utc;

/**
 * The reconciliation records. Opening one for a step that already has an open record does
 * nothing; each attempt is claimed by moving its due time, so two runners never retry the
 * same record at once.
 */
@Repository
class Reconciliations {

	private final JdbcClient jdbc;

	private final PaymentsProperties properties;

	private final Clock clock;

	Reconciliations(JdbcClient jdbc, PaymentsProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Opens a record for a step the gateway failed to do, first retried after the first
	 * backoff; a step that was done, or had nothing to do, opens nothing.
	 */
	void openIfFailed(UUID paymentId, @Nullable UUID orderId, String reason, Attempt attempt) {
		if (attempt.done() || attempt.operation() == null) {
			return;
		}
		Instant at = this.clock.instant();
		open(paymentId, attempt.operation(), attempt.refundId(), orderId, reason, String.valueOf(attempt.error()), at,
				at.plus(this.properties.backoff(1)));
	}

	/** Opens a record unless the step has one open; returns whether it opened one. */
	boolean open(UUID paymentId, Operation operation, @Nullable UUID refundId, @Nullable UUID orderId, String reason,
			String error, Instant at, Instant firstRetryAt) {
		String key = Reconciliation.openKey(paymentId, operation, refundId);
		Integer open = this.jdbc.sql("select count(*) from payments_reconciliation where open_key = :key")
			.param("key", key)
			.query(Integer.class)
			.single();
		if (open > 0) {
			return false;
		}
		try {
			this.jdbc.sql("""
					insert into payments_reconciliation (id, payment_id, operation, refund_id, order_id, reason, status,
						open_key, attempts, next_attempt_at, last_error, created_at)
					values (:id, :paymentId, :operation, :refundId, :orderId, :reason, 'OPEN',
						:key, 1, :next, :error, :at)""")
				.param("id", UUID.randomUUID())
				.param("paymentId", paymentId)
				.param("operation", operation.name())
				.param("refundId", refundId)
				.param("orderId", orderId)
				.param("reason", truncate(reason))
				.param("key", key)
				.param("next", utc(firstRetryAt))
				.param("error", truncate(error))
				.param("at", utc(at))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			// A concurrent caller opened it first; one open record is what we want.
			return false;
		}
	}

	List<Reconciliation> due(Instant now, int limit) {
		return this.jdbc.sql("""
				select * from payments_reconciliation where status = 'OPEN' and next_attempt_at <= :now
				order by next_attempt_at, id limit :limit""")
			.param("now", utc(now))
			.param("limit", limit)
			.query((rs, row) -> {
				String refund = rs.getString("refund_id");
				String order = rs.getString("order_id");
				return new Reconciliation(rs.getObject("id", UUID.class), rs.getObject("payment_id", UUID.class),
						Operation.valueOf(rs.getString("operation")), (refund != null) ? UUID.fromString(refund) : null,
						(order != null) ? UUID.fromString(order) : null, rs.getString("reason"), rs.getInt("attempts"),
						rs.getObject("next_attempt_at", OffsetDateTime.class).toInstant());
			})
			.list();
	}

	/** Takes the record for one attempt by moving its due time to {@code leaseUntil}. */
	boolean claim(Reconciliation record, Instant leaseUntil) {
		return this.jdbc.sql("""
				update payments_reconciliation set next_attempt_at = :lease, attempts = attempts + 1
				where id = :id and status = 'OPEN' and next_attempt_at = :seen""")
			.param("lease", utc(leaseUntil))
			.param("id", record.id())
			.param("seen", utc(record.nextAttemptAt()))
			.update() == 1;
	}

	void retryLater(UUID id, String error, Instant next) {
		this.jdbc.sql("""
				update payments_reconciliation set next_attempt_at = :next, last_error = :error
				where id = :id and status = 'OPEN'""")
			.param("next", utc(next))
			.param("error", truncate(error))
			.param("id", id)
			.update();
	}

	void close(UUID id, Instant at) {
		this.jdbc.sql("""
				update payments_reconciliation set status = 'CLOSED', open_key = null, closed_at = :at
				where id = :id and status = 'OPEN'""").param("at", utc(at)).param("id", id).update();
	}

}
