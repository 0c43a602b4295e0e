package io.emporium.orders.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrderTokenTests {

	@Test
	void matchesTheHashOfItself() {
		OrderToken token = OrderToken.random();

		assertThat(token.matches(token.hash())).isTrue();
	}

	@Test
	void doesNotMatchAnotherTokensHash() {
		OrderToken token = OrderToken.random();

		assertThat(token.matches(OrderToken.random().hash())).isFalse();
	}

	@Test
	void doesNotMatchAMalformedHash() {
		assertThat(OrderToken.random().matches("not hex")).isFalse();
	}

	@Test
	void isLongAndUrlSafe() {
		String value = OrderToken.random().value();

		assertThat(value).hasSize(43).matches("[A-Za-z0-9_-]+");
		assertThat(OrderToken.random().hash()).hasSize(64).doesNotContain(value);
	}

}
