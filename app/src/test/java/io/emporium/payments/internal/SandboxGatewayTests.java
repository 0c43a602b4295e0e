package io.emporium.payments.internal;

import io.emporium.payments.internal.Payment.Operation;
import io.emporium.payments.internal.PaymentGateway.GatewayException;
import io.emporium.platform.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SandboxGatewayTests {

	private static final Money TEN = Money.of(1000, "EUR");

	private final SandboxGateway gateway = new SandboxGateway();

	@Test
	void approvesTheVisaTestToken() {
		var outcome = this.gateway.authorize("key-1", "tok_visa", TEN, "ref");

		assertThat(outcome.approved()).isTrue();
		assertThat(outcome.last4()).isEqualTo("4242");
	}

	@Test
	void declinesTheDeclineTokenAndUnknownTokens() {
		assertThat(this.gateway.authorize("k", "tok_decline", TEN, "ref").approved()).isFalse();
		assertThat(this.gateway.authorize("k", "4111111111111111", TEN, "ref").approved()).isFalse();
	}

	@Test
	void failsLikeAnOutageForTheErrorToken() {
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.gateway.authorize("k", "tok_error", TEN, "ref"));
	}

	@Test
	void answersTheSameKeyWithTheSameReference() {
		var first = this.gateway.authorize("same", "tok_visa", TEN, "ref");
		var second = this.gateway.authorize("same", "tok_visa", TEN, "ref");

		assertThat(second.reference()).isEqualTo(first.reference());
	}

	@Test
	void capturesVoidsAndRefundsAnApprovedAuthorization() {
		String authorization = this.gateway.authorize("ops", "tok_mastercard", TEN, "ref").reference();

		assertThat(this.gateway.capture(authorization, TEN)).startsWith("sbx_cap_");
		assertThat(this.gateway.voidAuthorization(authorization)).startsWith("sbx_void_");
		assertThat(this.gateway.refund(authorization, "r1", TEN))
			.isEqualTo(this.gateway.refund(authorization, "r1", TEN))
			.isNotEqualTo(this.gateway.refund(authorization, "r2", TEN));
	}

	@Test
	void failsTheFirstVoidOfAnAuthorizationMadeWithTheVoidFailsToken() {
		var outcome = this.gateway.authorize("vf", "tok_void_fails", TEN, "ref");

		assertThat(outcome.approved()).isTrue();
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.gateway.voidAuthorization(outcome.reference()));
		assertThat(this.gateway.voidAuthorization(outcome.reference())).startsWith("sbx_void_");
	}

	@Test
	void failsTheNextCallsItIsToldToFailUntilHealed() {
		String authorization = this.gateway.authorize("broken", "tok_visa", TEN, "ref").reference();
		this.gateway.failNext(Operation.REFUND, authorization, Integer.MAX_VALUE);

		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.gateway.refund(authorization, "r", TEN));
		assertThatExceptionOfType(GatewayException.class)
			.isThrownBy(() -> this.gateway.refund(authorization, "r", TEN));
		assertThat(this.gateway.capture(authorization, TEN)).startsWith("sbx_cap_");

		this.gateway.failNext(Operation.REFUND, authorization, 0);
		assertThat(this.gateway.refund(authorization, "r", TEN)).startsWith("sbx_ref_");
	}

}
