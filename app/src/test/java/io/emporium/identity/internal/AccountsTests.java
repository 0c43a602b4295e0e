package io.emporium.identity.internal;

import java.util.UUID;

import io.emporium.identity.CustomerRegistered;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@RecordApplicationEvents
class AccountsTests {

	private static final String CLIENT = "192.0.2.1";

	@Autowired
	Accounts accounts;

	@Autowired
	ApplicationEvents events;

	@Autowired
	JdbcClient jdbc;

	@Test
	void registeringPublishesCustomerRegistered() {
		IssuedTokens tokens = this.accounts.register(uniqueEmail(), "correct-horse", CLIENT);

		assertThat(this.events.stream(CustomerRegistered.class)).singleElement()
			.satisfies(event -> assertThat(event.customerId()).isEqualTo(tokens.customerId()));
	}

	@Test
	void aRefusedRegistrationPublishesNothing() {
		String email = uniqueEmail();
		this.accounts.register(email, "correct-horse", CLIENT);
		this.events.clear();

		assertThatExceptionOfType(EmailTakenException.class)
			.isThrownBy(() -> this.accounts.register(email.toUpperCase(), "another-horse", CLIENT));

		assertThat(this.events.stream(CustomerRegistered.class)).isEmpty();
	}

	@Test
	void storesTheEmailLowerCasedAndThePasswordHashed() {
		String email = uniqueEmail();

		IssuedTokens tokens = this.accounts.register("  " + email.toUpperCase() + " ", "correct-horse", CLIENT);

		assertThat(this.accounts.find(tokens.customerId()))
			.hasValueSatisfying(customer -> assertThat(customer.email()).isEqualTo(email));
		assertThat(this.accounts.login(email, "correct-horse", CLIENT).customerId()).isEqualTo(tokens.customerId());
		String hash = this.jdbc.sql("select password_hash from identity_customer where id = :id")
			.param("id", tokens.customerId())
			.query(String.class)
			.single();
		assertThat(hash).startsWith("$2").doesNotContain("correct-horse");
	}

	private static String uniqueEmail() {
		return "shopper-" + UUID.randomUUID() + "@example.com";
	}

}
