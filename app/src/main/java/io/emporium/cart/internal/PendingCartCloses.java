package io.emporium.cart.internal;

import java.time.Clock;

import io.emporium.cart.CheckoutClaim;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * The retried step that closes a Redis cart after its order committed (ADR 0013): the
 * listener closes it, which is harmless to repeat; a publication it could not complete
 * (Redis down) is resubmitted by platform's job on worker nodes, and after a crash on
 * restart.
 */
@Component
@ConditionalOnProperty(name = "emporium.cart.store", havingValue = "redis")
class PendingCartCloses {

	private static final Logger log = LoggerFactory.getLogger(PendingCartCloses.class);

	private final RedisCartStore carts;

	private final Clock clock;

	PendingCartCloses(RedisCartStore carts, Clock clock) {
		this.carts = carts;
		this.clock = clock;
	}

	/** Needs no database transaction: the close is one script in Redis. */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(CartCloseDue due) {
		RedisCartStore.Closed closed = this.carts.close(due.cartId(), new CheckoutClaim(due.key(), due.fence()),
				due.orderId(), this.clock.instant());
		if (closed == RedisCartStore.Closed.NOT_HELD) {
			log.atWarn()
				.setMessage("a checked-out cart was no longer held by its checkout")
				.addKeyValue("cartId", due.cartId())
				.addKeyValue("orderId", due.orderId())
				.log();
		}
	}

}
