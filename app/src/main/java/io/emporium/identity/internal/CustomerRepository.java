package io.emporium.identity.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import io.emporium.identity.Customer;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Customer rows; the unique constraint on the lower-cased e-mail is what keeps it unique.
 */
@Repository
class CustomerRepository {

	private final JdbcClient jdbc;

	CustomerRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @throws DuplicateKeyException when the e-mail is taken
	 */
	void insert(UUID id, EmailAddress email, String passwordHash, boolean admin, Instant at) {
		this.jdbc.sql("""
				insert into identity_customer (id, email, password_hash, admin, created_at)
				values (:id, :email, :hash, :admin, :at)""")
			.param("id", id)
			.param("email", email.value())
			.param("hash", passwordHash)
			.param("admin", admin)
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.update();
	}

	Optional<Credentials> credentials(EmailAddress email) {
		return this.jdbc.sql("select id, password_hash, admin from identity_customer where email = :email")
			.param("email", email.value())
			.query((rs, row) -> new Credentials(rs.getObject("id", UUID.class), rs.getString("password_hash"),
					rs.getBoolean("admin")))
			.optional();
	}

	Optional<Customer> find(UUID id) {
		return this.jdbc.sql("select id, email, admin from identity_customer where id = :id")
			.param("id", id)
			.query((rs, row) -> new Customer(rs.getObject("id", UUID.class), rs.getString("email"),
					rs.getBoolean("admin")))
			.optional();
	}

	boolean adminExists() {
		return this.jdbc.sql("select count(*) from identity_customer where admin = true")
			.query(Long.class)
			.single() > 0;
	}

	record Credentials(UUID id, String passwordHash, boolean admin) {

		@Override
		public String toString() {
			return "Credentials[id=" + this.id + "]";
		}

	}

}
