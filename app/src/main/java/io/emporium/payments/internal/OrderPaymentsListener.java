package io.emporium.payments.internal;

import java.util.UUID;

import io.emporium.orders.OrderCancelled;
import io.emporium.orders.OrderRefunded;
import io.emporium.platform.ConflictException;
import io.emporium.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Moves an order's money when the order moves: cancelled or refunded gives back (void if
 * only authorized, refund what is still captured). The capture of a paid order needs no
 * event: the order's transaction gives the order its payment, and {@link Captures}
 * captures it once that has committed. Each reaction is idempotent, so a redelivered
 * event changes nothing. Listeners run without a transaction of their own: gateway calls
 * must not hold one, and each step commits its own.
 */
@Component
class OrderPaymentsListener {

	private static final Logger log = LoggerFactory.getLogger(OrderPaymentsListener.class);

	private final PaymentService payments;

	OrderPaymentsListener(PaymentService payments) {
		this.payments = payments;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(OrderCancelled event) {
		if (event.paymentId() != null) {
			react(event.orderId(), event.paymentId(),
					() -> this.payments.giveBack(event.paymentId(), event.orderId(), "order cancelled", true));
		}
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(OrderRefunded event) {
		if (event.paymentId() != null) {
			react(event.orderId(), event.paymentId(),
					() -> this.payments.giveBack(event.paymentId(), event.orderId(), "order refunded", true));
		}
	}

	/**
	 * A payment that does not exist, or cannot take this step, will not change by trying
	 * again: it is logged for an operator instead of failing the event for ever.
	 */
	private void react(UUID orderId, @Nullable UUID paymentId, Runnable step) {
		try {
			step.run();
		}
		catch (NotFoundException | ConflictException ex) {
			log.atWarn()
				.setMessage("order payment step refused")
				.addKeyValue("orderId", orderId)
				.addKeyValue("paymentId", paymentId)
				.addKeyValue("reason", ex.getBody().getDetail())
				.log();
		}
	}

}
