package io.emporium.cart;

import java.util.UUID;

import io.emporium.platform.Caller;

/** What other modules may ask of carts. */
public interface Carts {

	/**
	 * The lines of a cart that the caller may check out.
	 * @throws io.emporium.platform.NotFoundException when the cart does not exist or is
	 * not the caller's
	 * @throws io.emporium.platform.InvalidRequestException when it is empty or already
	 * checked out
	 */
	CartSnapshot forCheckout(String cartId, Caller caller);

	/** Closes the cart after its order was placed; runs in the caller's transaction. */
	void checkedOut(String cartId, UUID orderId);

}
