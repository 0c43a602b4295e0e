package io.emporium.cart.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.emporium.cart.CheckoutClaim;
import io.emporium.platform.Caller;
import org.jspecify.annotations.Nullable;

/**
 * A cart as stored: who owns it, whether it is still open, who checks it out, and its
 * lines in the order they were added.
 */
record Cart(String id, @Nullable UUID customerId, Status status, @Nullable CheckoutClaim checkout,
		@Nullable UUID orderId, List<Item> items) {

	Cart {
		items = List.copyOf(items);
	}

	enum Status {

		ACTIVE, CHECKING_OUT, CHECKED_OUT, MERGED

	}

	record Item(UUID id, String sku, int quantity) {
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

	Optional<Item> item(UUID itemId) {
		return this.items.stream().filter(item -> item.id().equals(itemId)).findFirst();
	}

}
