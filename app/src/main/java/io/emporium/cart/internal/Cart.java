package io.emporium.cart.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.emporium.platform.Caller;
import org.jspecify.annotations.Nullable;

/** A cart as stored: who owns it, whether it is still open, and its lines. */
record Cart(String id, @Nullable UUID customerId, Status status, List<Item> items) {

	enum Status {

		ACTIVE, CHECKING_OUT, CHECKED_OUT, MERGED

	}

	record Item(UUID id, String sku, int quantity) {
	}

	Cart withItems(List<Item> items) {
		return new Cart(this.id, this.customerId, this.status, List.copyOf(items));
	}

	/**
	 * A guest cart is anyone's who holds its unguessable id; a customer's cart is theirs
	 * alone.
	 */
	boolean visibleTo(Caller caller) {
		return this.customerId == null || caller.isCustomer(this.customerId) || caller.admin();
	}

	boolean open() {
		return this.status == Status.ACTIVE;
	}

	Optional<Item> item(String sku) {
		return this.items.stream().filter(item -> item.sku().equals(sku)).findFirst();
	}

}
