package io.emporium.payments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

import io.emporium.platform.Money;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class PaymentRepository {

	private final JdbcClient jdbc;

	PaymentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Payment payment) {
		this.jdbc.sql("""
				insert into payments_payment (id, idempotency_key, gateway, gateway_reference, status, amount, currency,
					brand, last4, failure_reason, reference, created_at)
				values (:id, :key, :gateway, :gatewayReference, :status, :amount, :currency,
					:brand, :last4, :failureReason, :reference, :createdAt)""")
			.param("id", payment.id())
			.param("key", payment.idempotencyKey())
			.param("gateway", payment.gateway())
			.param("gatewayReference", payment.gatewayReference())
			.param("status", payment.status())
			.param("amount", payment.amount().amount())
			.param("currency", payment.amount().currency().getCurrencyCode())
			.param("brand", payment.brand())
			.param("last4", payment.last4().isEmpty() ? null : payment.last4())
			.param("failureReason", payment.failureReason())
			.param("reference", payment.reference())
			.param("createdAt", Timestamp.from(payment.createdAt()))
			.update();
	}

	Optional<Payment> findByKey(String idempotencyKey) {
		return this.jdbc.sql("select * from payments_payment where idempotency_key = :key")
			.param("key", idempotencyKey)
			.query(PaymentRepository::map)
			.optional();
	}

	private static Payment map(ResultSet rs, int row) throws SQLException {
		String last4 = rs.getString("last4");
		return new Payment(rs.getObject("id", java.util.UUID.class), rs.getString("idempotency_key"),
				rs.getString("gateway"), rs.getString("gateway_reference"), "AUTHORIZED".equals(rs.getString("status")),
				Money.of(rs.getLong("amount"), rs.getString("currency")), rs.getString("brand"),
				(last4 != null) ? last4 : "", rs.getString("failure_reason"), rs.getString("reference"),
				rs.getTimestamp("created_at").toInstant());
	}

}
