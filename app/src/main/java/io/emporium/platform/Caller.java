package io.emporium.platform;

import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Who sends the current request: a signed-in customer (the JWT subject), maybe an admin,
 * or an anonymous guest. Controllers take it as a parameter; modules use it to check
 * ownership.
 */
public record Caller(@Nullable UUID customerId, boolean admin) {

	public static final Caller ANONYMOUS = new Caller(null, false);

	public Optional<UUID> customer() {
		return Optional.ofNullable(this.customerId);
	}

	public boolean isCustomer(@Nullable UUID owner) {
		return this.customerId != null && this.customerId.equals(owner);
	}

}
