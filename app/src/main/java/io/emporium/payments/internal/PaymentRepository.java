package io.emporium.payments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.emporium.payments.internal.GatewayCall.Outcome;
import io.emporium.payments.internal.Payment.Operation;
import io.emporium.platform.Money;
import io.emporium.platform.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Payments, their gateway calls and refunds. Every status change is a conditional update
 * on the status it leaves, so of two racing changes only one wins.
 */
@Repository
class PaymentRepository {

	private final JdbcClient jdbc;

	PaymentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts a PENDING payment with its token unless its key is taken; a taken key is a
	 * row count of zero, so a surrounding PostgreSQL transaction stays usable.
	 */
	boolean open(Payment payment, String token) {
		return this.jdbc.sql("""
				insert into payments_payment (id, idempotency_key, gateway, status, amount, currency, reference,
					cart_id, payment_token, created_at, updated_at)
				values (:id, :key, :gateway, 'PENDING', :amount, :currency, :reference, :cartId, :token, :createdAt,
					:createdAt)
				on conflict do nothing""")
			.param("id", payment.id())
			.param("key", payment.idempotencyKey())
			.param("gateway", payment.gateway())
			.param("amount", payment.amount().amount())
			.param("currency", payment.amount().currency().getCurrencyCode())
			.param("reference", "cart:" + payment.cartId())
			.param("cartId", payment.cartId())
			.param("token", token)
			.param("createdAt", utc(payment.createdAt()))
			.update() == 1;
	}

	/** Inserts the payment; {@code token} is kept only for a PENDING one. */
	void insert(Payment payment, @Nullable String token) {
		this.jdbc.sql("""
				insert into payments_payment (id, idempotency_key, gateway, gateway_reference, status, amount, currency,
					brand, last4, failure_reason, reference, cart_id, payment_token, created_at, updated_at)
				values (:id, :key, :gateway, :gatewayReference, :status, :amount, :currency,
					:brand, :last4, :failureReason, :reference, :cartId, :token, :createdAt, :createdAt)""")
			.param("token", token)
			.param("id", payment.id())
			.param("key", payment.idempotencyKey())
			.param("gateway", payment.gateway())
			.param("gatewayReference", payment.gatewayReference())
			.param("status", payment.status().name())
			.param("amount", payment.amount().amount())
			.param("currency", payment.amount().currency().getCurrencyCode())
			.param("brand", payment.brand())
			.param("last4", payment.last4())
			.param("failureReason", payment.failureReason())
			.param("reference", "cart:" + payment.cartId())
			.param("cartId", payment.cartId())
			.param("createdAt", utc(payment.createdAt()))
			.update();
	}

	Optional<Payment> find(UUID id) {
		return this.jdbc.sql("select * from payments_payment where id = :id")
			.param("id", id)
			.query(PaymentRepository::payment)
			.optional();
	}

	/**
	 * Authorizations made before {@code before} that no order took and nothing is being
	 * done with, oldest first.
	 */
	List<UUID> unclaimedAuthorizations(Instant before, int limit) {
		return this.jdbc.sql("""
				select id from payments_payment
				where status in ('AUTHORIZED', 'PENDING') and order_id is null and pending_operation is null
					and created_at < :before
				order by created_at
				limit :limit""").param("before", utc(before)).param("limit", limit).query(UUID.class).list();
	}

	/**
	 * Payments given to their order before {@code before} whose capture has not happened
	 * and is not being retried by reconciliation, oldest first: the captures a node that
	 * stopped right after the order's commit never ran.
	 */
	List<Attached> attachedUncaptured(Instant before, int limit) {
		return this.jdbc.sql("""
				select p.id, p.order_id from payments_payment p
				where p.status = 'AUTHORIZED' and p.pending_operation = 'CAPTURE' and p.order_id is not null
					and p.updated_at < :before
					and not exists (select 1 from payments_reconciliation r
						where r.payment_id = p.id and r.status = 'OPEN')
				order by p.updated_at
				limit :limit""")
			.param("before", utc(before))
			.param("limit", limit)
			.query((rs, row) -> new Attached(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class)))
			.list();
	}

	record Attached(UUID paymentId, UUID orderId) {
	}

	Optional<Payment> findByKey(String idempotencyKey) {
		return this.jdbc.sql("select * from payments_payment where idempotency_key = :key")
			.param("key", idempotencyKey)
			.query(PaymentRepository::payment)
			.optional();
	}

	/**
	 * A PENDING payment the gateway approved: it becomes an authorization and forgets its
	 * token. False when it was no longer PENDING.
	 */
	boolean authorized(UUID id, String reference, @Nullable String brand, @Nullable String last4, Instant at) {
		return this.jdbc.sql("""
				update payments_payment set status = 'AUTHORIZED', gateway_reference = :reference, brand = :brand,
					last4 = :last4, payment_token = null, updated_at = :at
				where id = :id and status = 'PENDING'""")
			.param("reference", reference)
			.param("brand", brand)
			.param("last4", last4)
			.param("at", utc(at))
			.param("id", id)
			.update() == 1;
	}

	/** The token a PENDING payment was opened with. */
	Optional<String> token(UUID id) {
		return this.jdbc.sql("select payment_token from payments_payment where id = :id and status = 'PENDING'")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	/** A PENDING payment the gateway failed to answer: a retry may succeed. */
	boolean unanswered(UUID id, String reason, Instant at) {
		return this.jdbc.sql("""
				update payments_payment set status = 'FAILED', failure_reason = :reason, payment_token = null,
					updated_at = :at
				where id = :id and status = 'PENDING'""")
			.param("reason", truncate(reason))
			.param("at", utc(at))
			.param("id", id)
			.update() == 1;
	}

	/**
	 * A failed (or PENDING) authorization that the gateway has now answered: approved or
	 * declined.
	 */
	boolean retried(UUID id, PaymentStatus status, @Nullable String reference, @Nullable String brand,
			@Nullable String last4, @Nullable String failureReason, Instant at) {
		return this.jdbc.sql("""
				update payments_payment set status = :status, gateway_reference = :reference, brand = :brand,
					last4 = :last4, failure_reason = :failureReason, payment_token = null, updated_at = :at
				where id = :id and status in ('FAILED', 'PENDING')""")
			.param("status", status.name())
			.param("reference", reference)
			.param("brand", brand)
			.param("last4", last4)
			.param("failureReason", failureReason)
			.param("at", utc(at))
			.param("id", id)
			.update() == 1;
	}

	/**
	 * Claims an authorization for a capture (for {@code orderId}) or a void, so that the
	 * opposite step cannot start; claiming again for the same step succeeds.
	 */
	boolean claim(UUID id, Operation operation, @Nullable UUID orderId, Instant at) {
		if (operation == Operation.CAPTURE) {
			return this.jdbc.sql("""
					update payments_payment set pending_operation = 'CAPTURE', order_id = :orderId, updated_at = :at
					where id = :id and status = 'AUTHORIZED'
						and (pending_operation is null or pending_operation = 'CAPTURE')
						and (order_id is null or order_id = :orderId)""")
				.param("orderId", orderId)
				.param("at", utc(at))
				.param("id", id)
				.update() == 1;
		}
		if (operation == Operation.VOID) {
			return this.jdbc.sql("""
					update payments_payment set pending_operation = 'VOID', updated_at = :at
					where id = :id and status = 'AUTHORIZED'
						and (pending_operation is null or pending_operation = 'VOID')""")
				.param("at", utc(at))
				.param("id", id)
				.update() == 1;
		}
		throw new IllegalArgumentException("only captures and voids are claimed: " + operation);
	}

	boolean captured(UUID id, Instant at) {
		return this.jdbc.sql("""
				update payments_payment set status = 'CAPTURED', captured_amount = amount, pending_operation = null,
					captured_at = :at, updated_at = :at
				where id = :id and status = 'AUTHORIZED' and pending_operation = 'CAPTURE'""")
			.param("at", utc(at))
			.param("id", id)
			.update() == 1;
	}

	boolean voided(UUID id, Instant at) {
		return this.jdbc
			.sql("""
					update payments_payment set status = 'VOIDED', pending_operation = null, voided_at = :at, updated_at = :at
					where id = :id and status = 'AUTHORIZED' and pending_operation = 'VOID'""")
			.param("at", utc(at))
			.param("id", id)
			.update() == 1;
	}

	/** Sets {@code amount} aside for a refund if that much is captured and unclaimed. */
	/** Locks the payment's row until the transaction ends. */
	void lock(UUID id) {
		this.jdbc.sql("select id from payments_payment where id = :id for update").param("id", id).query().listOfRows();
	}

	boolean reserveRefund(UUID id, long amount, Instant at) {
		return this.jdbc.sql("""
				update payments_payment set refund_reserved = refund_reserved + :amount, updated_at = :at
				where id = :id and status in ('CAPTURED', 'PARTIALLY_REFUNDED')
					and captured_amount - refund_reserved >= :amount""")
			.param("amount", amount)
			.param("at", utc(at))
			.param("id", id)
			.update() == 1;
	}

	/** Counts a refund the gateway confirmed, if nobody changed the payment meanwhile. */
	boolean refunded(Payment before, long refunded, PaymentStatus status, Instant at) {
		return this.jdbc.sql("""
				update payments_payment set refunded_amount = :refunded, status = :status, refunded_at = :at,
					updated_at = :at
				where id = :id and status = :from and refunded_amount = :before and :refunded <= refund_reserved""")
			.param("refunded", refunded)
			.param("status", status.name())
			.param("at", utc(at))
			.param("id", before.id())
			.param("from", before.status().name())
			.param("before", before.refunded())
			.update() == 1;
	}

	void record(GatewayCall call) {
		this.jdbc.sql("""
				insert into payments_gateway_call (payment_id, gateway, operation, amount, currency, outcome,
					gateway_reference, error, at)
				values (:paymentId, :gateway, :operation, :amount, :currency, :outcome, :reference, :error, :at)""")
			.param("paymentId", call.paymentId())
			.param("gateway", call.gateway())
			.param("operation", call.operation().name())
			.param("amount", (call.amount() != null) ? call.amount().amount() : null)
			.param("currency", (call.amount() != null) ? call.amount().currency().getCurrencyCode() : null)
			.param("outcome", call.outcome().name())
			.param("reference", call.gatewayReference())
			.param("error", truncate(call.error()))
			.param("at", utc(call.at()))
			.update();
	}

	/** The calls of each payment, in the order they were made; one query for all. */
	Map<UUID, List<GatewayCall>> calls(Collection<UUID> paymentIds) {
		Map<UUID, List<GatewayCall>> calls = new LinkedHashMap<>();
		paymentIds.forEach(id -> calls.put(id, new ArrayList<>()));
		if (paymentIds.isEmpty()) {
			return calls;
		}
		this.jdbc.sql("select * from payments_gateway_call where payment_id in (:ids) order by id")
			.param("ids", paymentIds)
			.query((rs, row) -> new GatewayCall(rs.getObject("payment_id", UUID.class), rs.getString("gateway"),
					Operation.valueOf(rs.getString("operation")),
					(rs.getString("currency") != null) ? Money.of(rs.getLong("amount"), rs.getString("currency"))
							: null,
					Outcome.valueOf(rs.getString("outcome")), rs.getString("gateway_reference"), rs.getString("error"),
					instant(rs, "at")))
			.list()
			.forEach(call -> calls.get(call.paymentId()).add(call));
		return calls;
	}

	Optional<Refund> refund(UUID id) {
		return this.jdbc.sql("select * from payments_refund where id = :id")
			.param("id", id)
			.query(PaymentRepository::refund)
			.optional();
	}

	Optional<Refund> refund(UUID paymentId, String key) {
		return this.jdbc.sql("select * from payments_refund where payment_id = :paymentId and refund_key = :key")
			.param("paymentId", paymentId)
			.param("key", key)
			.query(PaymentRepository::refund)
			.optional();
	}

	void insert(Refund refund) {
		this.jdbc.sql("""
				insert into payments_refund (id, payment_id, refund_key, amount, currency, reason, status, created_at)
				values (:id, :paymentId, :key, :amount, :currency, :reason, 'PENDING', :at)""")
			.param("id", refund.id())
			.param("paymentId", refund.paymentId())
			.param("key", refund.key())
			.param("amount", refund.amount().amount())
			.param("currency", refund.amount().currency().getCurrencyCode())
			.param("reason", truncate(refund.reason()))
			.param("at", utc(refund.createdAt()))
			.update();
	}

	boolean refundSucceeded(UUID refundId, String gatewayReference, Instant at) {
		return this.jdbc.sql("""
				update payments_refund set status = 'SUCCEEDED', gateway_reference = :reference, completed_at = :at
				where id = :id and status = 'PENDING'""")
			.param("reference", gatewayReference)
			.param("at", utc(at))
			.param("id", refundId)
			.update() == 1;
	}

	PaymentPage search(PaymentSearch search, Paging paging) {
		List<String> conditions = new ArrayList<>();
		Map<String, Object> params = new HashMap<>();
		if (search.cartId() != null) {
			conditions.add("cart_id = :cartId");
			params.put("cartId", search.cartId());
		}
		if (search.orderId() != null) {
			conditions.add("order_id = :orderId");
			params.put("orderId", search.orderId());
		}
		if (search.status() != null) {
			conditions.add("status = :status");
			params.put("status", search.status().name());
		}
		// Assembled from the fixed fragments above only; values are bound.
		String where = conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
		long total = this.jdbc.sql("select count(*) from payments_payment where " + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Payment> items = this.jdbc
			.sql("select * from payments_payment where " + where
					+ " order by created_at desc, id desc limit :limit offset :offset")
			.params(params)
			.param("limit", paging.size())
			.param("offset", (long) paging.page() * paging.size())
			.query(PaymentRepository::payment)
			.list();
		return new PaymentPage(items, total, paging.page(), paging.size());
	}

	private static Payment payment(ResultSet rs, int row) throws SQLException {
		String pending = rs.getString("pending_operation");
		OffsetDateTime updated = rs.getObject("updated_at", OffsetDateTime.class);
		Instant created = instant(rs, "created_at");
		return new Payment(rs.getObject("id", UUID.class), rs.getString("idempotency_key"), rs.getString("gateway"),
				rs.getString("gateway_reference"), PaymentStatus.valueOf(rs.getString("status")),
				Money.of(rs.getLong("amount"), rs.getString("currency")), rs.getString("brand"), rs.getString("last4"),
				rs.getString("failure_reason"), rs.getString("cart_id"), rs.getObject("order_id", UUID.class),
				rs.getLong("captured_amount"), rs.getLong("refund_reserved"), rs.getLong("refunded_amount"),
				(pending != null) ? Operation.valueOf(pending) : null, created,
				(updated != null) ? updated.toInstant() : created);
	}

	private static Refund refund(ResultSet rs, int row) throws SQLException {
		return new Refund(rs.getObject("id", UUID.class), rs.getObject("payment_id", UUID.class),
				rs.getString("refund_key"), Money.of(rs.getLong("amount"), rs.getString("currency")),
				rs.getString("reason"), "PENDING".equals(rs.getString("status")), instant(rs, "created_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, OffsetDateTime.class).toInstant();
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	static @Nullable String truncate(@Nullable String text) {
		return (text != null && text.length() > 500) ? text.substring(0, 500) : text;
	}

}
