package io.emporium.cart.internal;

import java.time.Duration;
import java.util.Currency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Cart limits, the currency an empty cart shows its zero total in, where carts live, and
 * how long an untouched cart lives in Redis.
 */
@ConfigurationProperties("emporium.cart")
record CartProperties(@DefaultValue("EUR") Currency currency, @DefaultValue("99") int maxQuantity,
		@DefaultValue("100") int maxLines, @DefaultValue("relational") Store store, @DefaultValue Ttl ttl) {

	enum Store {

		RELATIONAL, REDIS

	}

	/** Refreshed on every change of a cart; closed carts keep theirs for the record. */
	record Ttl(@DefaultValue("30d") Duration customer, @DefaultValue("7d") Duration guest) {
	}

}
