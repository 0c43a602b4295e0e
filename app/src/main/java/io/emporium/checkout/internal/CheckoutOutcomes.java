package io.emporium.checkout.internal;

import java.time.Clock;
import java.util.Map;

import io.emporium.cart.CheckoutClaim;
import io.emporium.checkout.CheckoutCompleted;
import io.emporium.checkout.CheckoutFailed;
import io.emporium.checkout.internal.IdempotencyKeys.Owned;
import io.emporium.orders.PlacedOrder;
import io.emporium.platform.ConflictException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * The answers a key keeps: the JSON of a created order or of a decided problem, stored
 * under the current fencing token with the event that announces it, so a replay gets the
 * same bytes and a late finisher stores nothing.
 */
@Component
class CheckoutOutcomes {

	private final IdempotencyKeys keys;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	CheckoutOutcomes(IdempotencyKeys keys, JsonMapper json, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock) {
		this.keys = keys;
		this.json = json;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Stores the 201 of a placed order in the caller's transaction.
	 * @throws ConflictException when the claim was taken over (the caller rolls back)
	 */
	CheckoutOutcome completed(CheckoutClaim claim, String cartId, PlacedOrder order) {
		CheckoutOutcome outcome = new CheckoutOutcome(HttpStatus.CREATED.value(),
				this.json.writeValueAsString(Map.of("orderId", order.orderId(), "orderToken", order.orderToken(),
						"status", order.status(), "total", order.total())),
				false);
		if (!this.keys.complete(claim, outcome)) {
			throw Purchase.takenOver();
		}
		this.events.publishEvent(new CheckoutCompleted(cartId, order.orderId(), order.total(), this.clock.instant()));
		return outcome;
	}

	/**
	 * Stores a decided failure as the key's answer and announces it; a claim that was
	 * taken over, or a new key another request stored first, stores nothing but still
	 * answers its own request.
	 */
	CheckoutOutcome decided(Owned owned, String cartId, ErrorResponseException failure) {
		CheckoutOutcome outcome = new CheckoutOutcome(failure.getStatusCode().value(),
				this.json.writeValueAsString(failure.getBody()), false);
		this.transactions.executeWithoutResult(status -> {
			if (this.keys.decide(owned, outcome)) {
				this.events
					.publishEvent(new CheckoutFailed(cartId, RetryPolicy.problemName(failure), this.clock.instant()));
			}
		});
		return outcome;
	}

}
