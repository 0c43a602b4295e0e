package io.emporium.cart.internal;

import java.util.Currency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Cart limits and the currency an empty cart shows its zero total in. */
@ConfigurationProperties("emporium.cart")
record CartProperties(@DefaultValue("EUR") Currency currency, @DefaultValue("99") int maxQuantity,
		@DefaultValue("100") int maxLines) {
}
