package io.emporium.cart;

import java.util.UUID;

import io.emporium.platform.Caller;

/** What other modules may ask of carts. */
public interface Carts {

	/**
	 * Claims the caller's cart for checkout (ACTIVE to CHECKING_OUT, one conditional
	 * update committed at once) and returns its lines, which no longer change while the
	 * claim stands.
	 * @throws io.emporium.platform.NotFoundException when the cart does not exist or is
	 * not the caller's
	 * @throws io.emporium.platform.InvalidRequestException when it is empty (cart-empty)
	 * or already checked out (cart-closed)
	 * @throws io.emporium.platform.ConflictException when another checkout holds it
	 * (checkout-in-progress)
	 */
	CartSnapshot claimForCheckout(String cartId, Caller caller, CheckoutClaim claim);

	/**
	 * Whether a claim made in a database transaction is undone by its rollback: true
	 * where carts live in the database, false where they live in Redis (whose claims only
	 * {@link #releaseClaim} gives back).
	 */
	boolean claimsJoinTransactions();

	/**
	 * Closes the cart after its order was placed; runs in the caller's transaction.
	 * @throws io.emporium.platform.ConflictException when the claim was taken over
	 */
	void checkedOut(String cartId, CheckoutClaim claim, UUID orderId);

	/**
	 * Opens the cart again after a checkout that placed no order, if this claim (or an
	 * older one of the same key) still holds it; returns whether it did.
	 */
	boolean releaseClaim(String cartId, CheckoutClaim claim);

}
