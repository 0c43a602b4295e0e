package io.emporium.payments.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PaymentStatusTests {

	@Test
	void onlyAnAuthorizationIsCapturedOrVoided() {
		for (PaymentStatus status : PaymentStatus.values()) {
			assertThat(status.capturable()).as(status.name()).isEqualTo(status == PaymentStatus.AUTHORIZED);
			assertThat(status.voidable()).as(status.name()).isEqualTo(status == PaymentStatus.AUTHORIZED);
		}
	}

	@Test
	void onlyCapturedMoneyStillWithTheStoreIsRefunded() {
		assertThat(PaymentStatus.values()).filteredOn(PaymentStatus::refundable)
			.containsExactlyInAnyOrder(PaymentStatus.CAPTURED, PaymentStatus.PARTIALLY_REFUNDED);
	}

	@Test
	void isPartiallyRefundedUntilAllIsBack() {
		assertThat(PaymentStatus.afterRefunds(1000, 0)).isEqualTo(PaymentStatus.CAPTURED);
		assertThat(PaymentStatus.afterRefunds(1000, 1)).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
		assertThat(PaymentStatus.afterRefunds(1000, 999)).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
		assertThat(PaymentStatus.afterRefunds(1000, 1000)).isEqualTo(PaymentStatus.REFUNDED);
	}

	@Test
	void refusesToRefundMoreThanWasCapturedOrWhatWasNeverCaptured() {
		assertThatIllegalArgumentException().isThrownBy(() -> PaymentStatus.afterRefunds(1000, 1001));
		assertThatIllegalArgumentException().isThrownBy(() -> PaymentStatus.afterRefunds(0, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> PaymentStatus.afterRefunds(1000, -1));
	}

	@Test
	void doublesTheBackoffWithEachFailureUpToTheMaximum() {
		PaymentsProperties properties = new PaymentsProperties(Duration.ofMinutes(1), Duration.ofMinutes(10),
				Duration.ofMinutes(10), Duration.ofMinutes(1));

		assertThat(properties.backoff(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(properties.backoff(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(properties.backoff(4)).isEqualTo(Duration.ofMinutes(8));
		assertThat(properties.backoff(5)).isEqualTo(Duration.ofMinutes(10));
		assertThat(properties.backoff(500)).isEqualTo(Duration.ofMinutes(10));
	}

}
