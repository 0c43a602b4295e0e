package io.emporium.checkout.internal;

import io.emporium.cart.Carts;
import io.emporium.checkout.internal.IdempotencyKeys.KeyExists;
import io.emporium.checkout.internal.IdempotencyKeys.Owned;
import io.emporium.checkout.internal.IdempotencyKeys.Replay;
import io.emporium.platform.Caller;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * Turns a cart into a paid order, once per Idempotency-Key whatever the retries: claim
 * the key (a new one with the purchase's hold, where cart claims join that transaction),
 * run the purchase, and keep its answer when it is decided. A failure that decided
 * nothing leaves the key free for a retry; {@link RetryPolicy} says which is which.
 */
@Service
public class CheckoutService {

	private final IdempotencyKeys keys;

	private final Purchase purchase;

	private final CheckoutOutcomes outcomes;

	private final JsonMapper json;

	private final Carts carts;

	CheckoutService(IdempotencyKeys keys, Purchase purchase, CheckoutOutcomes outcomes, JsonMapper json, Carts carts) {
		this.keys = keys;
		this.carts = carts;
		this.purchase = purchase;
		this.outcomes = outcomes;
		this.json = json;
	}

	public CheckoutOutcome checkout(String key, CheckoutCommand command, Caller caller) {
		String requestHash = requestHash(command, caller);
		if (this.carts.claimsJoinTransactions()) {
			try {
				return purchase(this.keys.unseen(key, requestHash, command.cartId()), command, caller);
			}
			catch (KeyExists ex) {
				// A retry or a duplicate: the key's stored row decides what happens next.
			}
		}
		return switch (this.keys.claim(key, requestHash, command.cartId())) {
			case Replay replay -> replay.outcome();
			case Owned owned -> purchase(owned, command, caller);
		};
	}

	private CheckoutOutcome purchase(Owned owned, CheckoutCommand command, Caller caller) {
		try {
			return this.purchase.run(owned, command, caller);
		}
		catch (KeyExists ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			if (ex instanceof ErrorResponseException problem && RetryPolicy.decided(problem)) {
				return this.outcomes.decided(owned, command.cartId(), problem);
			}
			this.keys.reopen(owned.claim());
			throw ex;
		}
	}

	/**
	 * The request as sent and who sent it; the priced cart is fingerprinted once claimed.
	 */
	private String requestHash(CheckoutCommand command, Caller caller) {
		return Digests.sha256(this.json.writeValueAsString(command) + "|" + caller.customerId());
	}

}
