package io.emporium.checkout.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;

import io.emporium.cart.CartSnapshot;
import io.emporium.cart.Carts;
import io.emporium.cart.CheckoutClaim;
import io.emporium.checkout.internal.IdempotencyKeys.Owned;
import io.emporium.inventory.Inventory;
import io.emporium.inventory.ReservationId;
import io.emporium.inventory.StockLine;
import io.emporium.payments.Authorization;
import io.emporium.payments.PaymentRequest;
import io.emporium.payments.Payments;
import io.emporium.platform.Caller;
import io.emporium.platform.ConflictException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The steps of a purchase under one claim of its key: claim the cart, price it, hold its
 * stock and open its payment (one transaction), authorize the money, settle. Each step
 * that takes something registers how to give it back; any failure gives back everything
 * taken so far (void, release, reopen the cart), newest first, and is then rethrown.
 * Progress is recorded under the fencing token, so an attempt that was taken over stops
 * at its next step.
 */
@Component
class Purchase {

	private static final Logger log = LoggerFactory.getLogger(Purchase.class);

	private final IdempotencyKeys keys;

	private final Carts carts;

	private final CartPricing pricing;

	private final Inventory inventory;

	private final Payments payments;

	private final Settlement settlement;

	Purchase(IdempotencyKeys keys, Carts carts, CartPricing pricing, Inventory inventory, Payments payments,
			Settlement settlement) {
		this.keys = keys;
		this.carts = carts;
		this.pricing = pricing;
		this.inventory = inventory;
		this.payments = payments;
		this.settlement = settlement;
	}

	/**
	 * Runs the purchase under the key {@code owned}; its {@code cartHash} is the
	 * fingerprint of the cart an earlier attempt of this key priced, which this one must
	 * match.
	 * @throws IdempotencyKeys.KeyExists when a key presumed new was stored by another
	 * request; nothing was held
	 */
	CheckoutOutcome run(Owned owned, CheckoutCommand command, Caller caller) {
		CheckoutClaim claim = owned.claim();
		Deque<Runnable> undo = new ArrayDeque<>();
		Runnable releaseCart = () -> this.carts.releaseClaim(command.cartId(), claim);
		// A cart in the database is released by the rollback of the hold's transaction,
		// one in Redis by this; releasing a claim that is not there changes nothing. A
		// new
		// key's attempt owns no claim until its hold commits: releasing earlier could
		// give
		// back the claim of a concurrent first attempt of the key.
		if (!owned.isNew()) {
			undo.push(releaseCart);
		}
		try {
			HeldCart held = this.keys.recordHold(owned, () -> hold(claim, owned.cartHash(), command, caller))
				.orElseThrow(Purchase::takenOver);
			if (owned.isNew()) {
				undo.push(releaseCart);
			}
			undo.push(() -> this.inventory.release(held.reservation()));
			PricedLines priced = held.priced();
			Authorization authorization = (held.paymentId() == null) ? null
					: authorize(held.paymentId(), claim, command, priced, undo);
			return this.settlement.settle(claim, command, caller, priced, held.reservation(), authorization);
		}
		catch (RuntimeException ex) {
			giveBack(undo, ex);
			throw ex;
		}
	}

	/**
	 * Claims the cart, prices it and holds its stock; the caller runs this in the
	 * transaction that records the hold under the key, so all of it commits at once.
	 */
	private HeldCart hold(CheckoutClaim claim, @Nullable String earlierCart, CheckoutCommand command, Caller caller) {
		CartSnapshot cart = this.carts.claimForCheckout(command.cartId(), caller, claim);
		PricedLines priced = this.pricing.price(cart);
		if (earlierCart != null && !earlierCart.equals(priced.fingerprint())) {
			throw IdempotencyKeys.keyReused();
		}
		UUID paymentId = priced.total().nothing() ? null : this.payments.open(paymentRequest(claim, command, priced));
		// Last: every checkout of a SKU waits for its stock row until this transaction
		// ends.
		ReservationId reservation = this.inventory
			.reserve(cart.lines().stream().map(line -> new StockLine(line.sku(), line.quantity())).toList());
		return new HeldCart(priced, reservation, paymentId);
	}

	/**
	 * Asks the gateway to hold the money of the payment opened with the hold; the amount
	 * authorized must be the total to pay. From here on a failure gives the payment back,
	 * whatever the gateway answered.
	 */
	private Authorization authorize(UUID paymentId, CheckoutClaim claim, CheckoutCommand command, PricedLines priced,
			Deque<Runnable> undo) {
		undo.push(() -> this.payments.voidAuthorization(paymentId, "checkout failed"));
		Authorization authorization;
		try {
			authorization = this.payments.authorize(paymentRequest(claim, command, priced));
		}
		catch (ConflictException ex) {
			// The key is this attempt's own: only a takeover gives its payment back.
			throw RetryPolicy.problemName(ex).equals("payment-voided") ? takenOver() : ex;
		}
		if (!authorization.amount().equals(priced.total())) {
			throw new ConflictException("payment-mismatch",
					"The payment authorized does not match the order total; nothing was charged");
		}
		return authorization;
	}

	private static PaymentRequest paymentRequest(CheckoutClaim claim, CheckoutCommand command, PricedLines priced) {
		return new PaymentRequest(paymentKey(claim), command.paymentToken(), priced.total(), command.cartId());
	}

	/**
	 * One payment key per attempt: a takeover raises the token, so its authorization is
	 * never confused with the abandoned attempt's.
	 */
	static String paymentKey(CheckoutClaim claim) {
		return "checkout-" + Digests.sha256(claim.key()).substring(0, 40) + "-" + claim.fence();
	}

	static ConflictException takenOver() {
		return new ConflictException("checkout-in-progress",
				"This checkout was taken over by a newer attempt with the same Idempotency-Key; retry to see its outcome");
	}

	private static void giveBack(Deque<Runnable> undo, RuntimeException cause) {
		while (!undo.isEmpty()) {
			try {
				undo.pop().run();
			}
			catch (RuntimeException ex) {
				// What could not be given back now is given back later: an unconfirmed
				// hold expires, a failed void is retried by payments' reconciliation.
				cause.addSuppressed(ex);
				log.atError().setMessage("could not give back part of a failed checkout").setCause(ex).log();
			}
		}
	}

}
