package io.emporium.payments.internal;

import java.util.List;

import io.emporium.payments.Authorization;

import org.springframework.jdbc.core.simple.JdbcClient;

/** What payments stored about a payment, read straight from its tables for assertions. */
final class PaymentRows {

	private final JdbcClient jdbc;

	PaymentRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String status(Authorization authorization) {
		return column(authorization, "status");
	}

	String column(Authorization authorization, String column) {
		return this.jdbc.sql("select cast(" + column + " as varchar(64)) from payments_payment where id = :id")
			.param("id", authorization.paymentId())
			.query(String.class)
			.single();
	}

	/** Every gateway call of the payment in order, as "OPERATION OUTCOME". */
	List<String> calls(Authorization authorization) {
		return this.jdbc.sql("select operation, outcome from payments_gateway_call where payment_id = :id order by id")
			.param("id", authorization.paymentId())
			.query((rs, row) -> rs.getString("operation") + " " + rs.getString("outcome"))
			.list();
	}

	long calls(Authorization authorization, String operation) {
		return this.jdbc
			.sql("select count(*) from payments_gateway_call where payment_id = :id and operation = :operation")
			.param("id", authorization.paymentId())
			.param("operation", operation)
			.query(Long.class)
			.single();
	}

}
