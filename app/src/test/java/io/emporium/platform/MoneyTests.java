package io.emporium.platform;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTests {

	@Test
	void addsAmountsOfTheSameCurrency() {
		assertThat(Money.of(1999, "EUR").plus(Money.of(1, "EUR"))).isEqualTo(Money.of(2000, "EUR"));
	}

	@Test
	void refusesToAddDifferentCurrencies() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of(1, "EUR").plus(Money.of(1, "USD")));
	}

	@Test
	void multipliesByQuantity() {
		assertThat(Money.of(1299, "EUR").times(3)).isEqualTo(Money.of(3897, "EUR"));
	}

	@Test
	void detectsOverflowInsteadOfWrappingAround() {
		assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "EUR").times(2)).isInstanceOf(ArithmeticException.class);
	}

	@Test
	void refusesUnknownCurrencyCodes() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of(1, "XYZW"));
	}

	@Test
	void serializesAsAmountAndCurrencyOnly() {
		String json = JsonMapper.builder().build().writeValueAsString(Money.of(1999, "EUR"));

		assertThat(json).isEqualTo("{\"amount\":1999,\"currency\":\"EUR\"}");
	}

}
