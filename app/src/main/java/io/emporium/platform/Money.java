package io.emporium.platform;

import java.util.Currency;

/** An amount in minor units (cents) of one ISO 4217 currency; never floating point. */
public record Money(long amount, Currency currency) {

	public Money {
		if (currency == null) {
			throw new IllegalArgumentException("currency is required");
		}
	}

	public static Money of(long amount, String currency) {
		return new Money(amount, Currency.getInstance(currency));
	}

	public static Money zero(Currency currency) {
		return new Money(0, currency);
	}

	public Money plus(Money other) {
		sameCurrency(other);
		return new Money(Math.addExact(this.amount, other.amount), this.currency);
	}

	public Money times(int quantity) {
		return new Money(Math.multiplyExact(this.amount, quantity), this.currency);
	}

	/** Exactly zero, such as the total of free items. */
	public boolean nothing() {
		return this.amount == 0;
	}

	/** Below zero; not a bean-style getter, so JSON carries only amount and currency. */
	public boolean belowZero() {
		return this.amount < 0;
	}

	private void sameCurrency(Money other) {
		if (!this.currency.equals(other.currency)) {
			throw new IllegalArgumentException(
					"cannot combine " + this.currency.getCurrencyCode() + " with " + other.currency.getCurrencyCode());
		}
	}

}
