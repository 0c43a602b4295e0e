package io.emporium.checkout.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.emporium.cart.Carts;
import io.emporium.cart.CheckoutClaim;
import io.emporium.checkout.CheckoutAbandoned;
import io.emporium.inventory.Inventory;
import io.emporium.inventory.ReservationId;
import io.emporium.payments.Payments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.transaction.annotation.Propagation;

/**
 * Gives back what a checkout that stopped half-way held. A job finds attempts that made
 * no progress for the stale time (their node died) and takes their keys over; the
 * takeover, by the job or by a retry of the same key, announces {@link CheckoutAbandoned}
 * and the listener voids the authorization, releases the hold and reopens the cart. Each
 * of those is harmless to repeat, and the event publication registry redelivers the event
 * after a crash.
 */
@Configuration(proxyBeanMethods = false)
class AbandonedCheckouts {

	private static final Logger log = LoggerFactory.getLogger(AbandonedCheckouts.class);

	private static final int BATCH = 100;

	private final IdempotencyKeys keys;

	private final Carts carts;

	private final Inventory inventory;

	private final Payments payments;

	private final CheckoutProperties properties;

	private final Clock clock;

	AbandonedCheckouts(IdempotencyKeys keys, Carts carts, Inventory inventory, Payments payments,
			CheckoutProperties properties, Clock clock) {
		this.keys = keys;
		this.carts = carts;
		this.inventory = inventory;
		this.payments = payments;
		this.properties = properties;
		this.clock = clock;
	}

	@Bean
	RecurringTask<Void> abandonedCheckoutsTask() {
		return Tasks.recurring("checkout-abandoned", FixedDelay.ofMinutes(1))
			.execute((instance, context) -> abandonStale(this.clock.instant()));
	}

	/** Takes over every attempt stale at {@code now}; returns how many. */
	int abandonStale(Instant now) {
		Instant staleBefore = now.minus(this.properties.staleAfter());
		int abandoned = 0;
		for (String key : this.keys.staleSince(staleBefore, BATCH)) {
			try {
				if (this.keys.abandon(key, staleBefore)) {
					abandoned++;
				}
			}
			catch (RuntimeException ex) {
				log.atWarn().setMessage("could not abandon a stale checkout").setCause(ex).log();
			}
		}
		if (abandoned > 0) {
			log.atInfo().setMessage("abandoned stale checkouts").addKeyValue("count", abandoned).log();
		}
		return abandoned;
	}

	/**
	 * Runs without a surrounding transaction: each give-back commits on its own, and the
	 * gateway call of a void must not wait inside a database transaction.
	 */
	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(CheckoutAbandoned abandoned) {
		CheckoutClaim claim = new CheckoutClaim(abandoned.idempotencyKey(), abandoned.fence());
		Optional<UUID> payment = this.payments.paymentFor(Purchase.paymentKey(claim));
		payment.ifPresent(id -> this.payments.voidAuthorization(id, "checkout abandoned"));
		if (abandoned.reservationId() != null) {
			this.inventory.release(new ReservationId(abandoned.reservationId()));
		}
		if (abandoned.cartId() != null) {
			this.carts.releaseClaim(abandoned.cartId(), claim);
		}
		log.atInfo()
			.setMessage("gave back an abandoned checkout")
			.addKeyValue("cartId", abandoned.cartId())
			.addKeyValue("reservationId", abandoned.reservationId())
			.addKeyValue("paymentId", payment.orElse(null))
			.log();
	}

}
