package io.emporium.checkout.internal;

import io.emporium.cart.CheckoutClaim;
import io.emporium.cart.Carts;
import io.emporium.inventory.Inventory;
import io.emporium.inventory.ReservationId;
import io.emporium.orders.Orders;
import io.emporium.orders.PlaceOrder;
import io.emporium.orders.PlacedOrder;
import io.emporium.payments.Authorization;
import io.emporium.payments.Payments;
import io.emporium.platform.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The last step of a purchase, all or nothing in one transaction: check the claim still
 * owns the key (and hold its row), record the paid order, give it its payment (recording
 * the gateway's approval), close the cart under the claim, store the key's answer and
 * confirm its stock. If any part fails nothing of it stays, and the caller gives back
 * what it held.
 */
@Component
class Settlement {

	private final Orders orders;

	private final Inventory inventory;

	private final Carts carts;

	private final CheckoutOutcomes outcomes;

	private final IdempotencyKeys keys;

	private final Payments payments;

	Settlement(Orders orders, Inventory inventory, Carts carts, CheckoutOutcomes outcomes, IdempotencyKeys keys,
			Payments payments) {
		this.payments = payments;
		this.keys = keys;
		this.orders = orders;
		this.inventory = inventory;
		this.carts = carts;
		this.outcomes = outcomes;
	}

	@Transactional
	CheckoutOutcome settle(CheckoutClaim claim, CheckoutCommand command, Caller caller, PricedLines priced,
			ReservationId reservation, @Nullable Authorization authorization) {
		if (!this.keys.stillOwned(claim)) {
			throw Purchase.takenOver();
		}
		PlacedOrder order = this.orders
			.placePaid(new PlaceOrder(caller.customerId(), command.email(), command.shippingAddress(), priced.lines(),
					priced.total(), (authorization != null) ? authorization.paymentId() : null));
		if (authorization != null) {
			this.payments.attach(authorization, order.orderId());
		}
		this.carts.checkedOut(command.cartId(), claim, order.orderId());
		CheckoutOutcome outcome = this.outcomes.completed(claim, command.cartId(), order);
		// Last: every checkout of a SKU waits for its stock row until this transaction
		// ends.
		this.inventory.confirm(reservation, order.orderId());
		return outcome;
	}

}
