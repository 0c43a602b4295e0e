package io.emporium.identity;

import java.util.List;
import java.util.UUID;

/** A customer account as other modules see it: no password, e-mail lower-cased. */
public record Customer(UUID id, String email, boolean admin) {

	public static final String CUSTOMER = "CUSTOMER";

	public static final String ADMIN = "ADMIN";

	/** Every account is a customer; admins have role ADMIN on top. */
	public List<String> roles() {
		return roles(this.admin);
	}

	public static List<String> roles(boolean admin) {
		return admin ? List.of(CUSTOMER, ADMIN) : List.of(CUSTOMER);
	}

}
