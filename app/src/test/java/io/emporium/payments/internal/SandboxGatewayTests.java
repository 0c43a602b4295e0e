package io.emporium.payments.internal;

import io.emporium.payments.internal.PaymentGateway.GatewayException;
import io.emporium.platform.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SandboxGatewayTests {

	private final SandboxGateway gateway = new SandboxGateway();

	@Test
	void approvesTheVisaTestToken() {
		var outcome = this.gateway.charge("key-1", "tok_visa", Money.of(100, "EUR"), "ref");

		assertThat(outcome.approved()).isTrue();
		assertThat(outcome.last4()).isEqualTo("4242");
	}

	@Test
	void declinesTheDeclineTokenAndUnknownTokens() {
		assertThat(this.gateway.charge("k", "tok_decline", Money.of(100, "EUR"), "ref").approved()).isFalse();
		assertThat(this.gateway.charge("k", "4111111111111111", Money.of(100, "EUR"), "ref").approved()).isFalse();
	}

	@Test
	void failsLikeAnOutageForTheErrorToken() {
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.gateway.charge("k", "tok_error", Money.of(100, "EUR"), "ref"));
	}

	@Test
	void answersTheSameKeyWithTheSameReference() {
		var first = this.gateway.charge("same", "tok_visa", Money.of(100, "EUR"), "ref");
		var second = this.gateway.charge("same", "tok_visa", Money.of(100, "EUR"), "ref");

		assertThat(second.reference()).isEqualTo(first.reference());
	}

}
