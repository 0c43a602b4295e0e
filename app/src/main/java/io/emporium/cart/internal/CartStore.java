package io.emporium.cart.internal;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.emporium.cart.CheckoutClaim;
import org.jspecify.annotations.Nullable;

/**
 * Port to where carts live: the relational store in embedded mode, Redis in distributed
 * mode. Every method is one atomic step, so the cart limits and the checkout claim hold
 * however many requests change one cart at once (CartStoreContract proves it for both).
 */
interface CartStore {

	void create(String id, @Nullable UUID customerId, Instant at);

	Optional<Cart> find(String id);

	/** The customer's open (ACTIVE) cart, if any. */
	Optional<String> openCartOf(UUID customerId);

	/**
	 * Adds to the line of this SKU, creating it (under {@code newItemId}) if needed,
	 * within the line limit, the quantity limit and {@code inStock}.
	 */
	Change add(String cartId, String sku, int quantity, int inStock, UUID newItemId, Instant at);

	/** Sets a line's quantity within the quantity limit and {@code inStock}. */
	Change set(String cartId, UUID itemId, int quantity, int inStock, Instant at);

	Change remove(String cartId, UUID itemId, Instant at);

	/**
	 * Gives an open guest cart to a customer; false when it is not open or not a guest's.
	 */
	boolean assign(String cartId, UUID customerId, Instant at);

	/**
	 * Moves a guest cart's lines into another open cart within the limits (quantities
	 * capped, lines beyond the line limit left out) and marks the guest cart MERGED;
	 * false when either is not open.
	 */
	boolean merge(String guestId, String targetId, Instant at);

	/**
	 * Claims a non-empty cart for checkout: an open one, or one an older claim of the
	 * same key holds (a takeover after that attempt went stale).
	 */
	boolean claim(String cartId, CheckoutClaim claim, Instant at);

	/** Whether changes made in a database transaction are undone by its rollback. */
	boolean joinsTransactions();

	/** Opens a claimed cart again if this claim, or an older one of its key, holds it. */
	boolean release(String cartId, CheckoutClaim claim, Instant at);

	/**
	 * Closes a cart this very claim holds; false when the claim was taken over. Inside a
	 * transaction an adapter that cannot join it closes the cart after the commit.
	 */
	boolean checkedOut(String cartId, CheckoutClaim claim, UUID orderId, Instant at);

	/** What became of a change of lines. */
	enum Change {

		DONE, NOT_OPEN, NO_SUCH_LINE, LINE_LIMIT, QUANTITY_LIMIT, OUT_OF_STOCK

	}

}
