package io.emporium.identity.internal;

import java.util.Locale;

/**
 * An e-mail address in its stored form: trimmed and lower-cased, so the unique constraint
 * makes addresses unique regardless of case.
 */
record EmailAddress(String value) {

	EmailAddress {
		value = value.trim().toLowerCase(Locale.ROOT);
		if (value.length() < 3 || !value.contains("@")) {
			throw new IllegalArgumentException("not an e-mail address");
		}
	}

	@Override
	public String toString() {
		return "EmailAddress[<hidden>]";
	}

}
