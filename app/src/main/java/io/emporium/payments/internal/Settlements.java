package io.emporium.payments.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import io.emporium.orders.Orders;
import io.emporium.payments.PaymentCaptured;
import io.emporium.payments.PaymentMismatchException;
import io.emporium.payments.PaymentRefunded;
import io.emporium.payments.PaymentVoided;
import io.emporium.payments.internal.GatewayCall.Outcome;
import io.emporium.payments.internal.Payment.Operation;
import io.emporium.payments.internal.PaymentGateway.GatewayException;
import io.emporium.platform.ConflictException;
import io.emporium.platform.InvalidRequestException;
import io.emporium.platform.Money;
import io.emporium.platform.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Capture, void and refund: claim the step with a conditional update, ask the gateway
 * outside any transaction, then record the call, the new status, the event and a note in
 * the order's history in one new transaction. A step the gateway fails comes back as an
 * {@link Attempt} to retry; nothing here opens reconciliation records.
 */
@Component
class Settlements {

	private static final Logger log = LoggerFactory.getLogger(Settlements.class);

	/** The refund key of "give back whatever is still captured". */
	static final String GIVE_BACK_KEY = "give-back";

	private static final String ACTOR = "payments";

	private static final int REFUND_COUNT_ATTEMPTS = 5;

	private final PaymentGateway gateway;

	private final PaymentRepository payments;

	private final Orders orders;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final TransactionTemplate savepoints;

	private final Clock clock;

	Settlements(PaymentGateway gateway, PaymentRepository payments, Orders orders, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.gateway = gateway;
		this.payments = payments;
		this.orders = orders;
		this.events = events;
		// Our record of a gateway call must survive whatever the caller's transaction
		// does.
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.savepoints = new TransactionTemplate(transactionManager);
		this.savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
		this.clock = clock;
	}

	Attempt capture(UUID paymentId, UUID orderId) {
		Payment payment = find(paymentId);
		if (payment.status().capturable()
				&& (attachedTo(payment, orderId) || claim(paymentId, Operation.CAPTURE, orderId))) {
			return captureClaimed(payment, orderId);
		}
		Payment current = find(paymentId);
		if (current.status().capturable() || !orderId.equals(current.orderId())) {
			throw notCapturable(current, orderId);
		}
		return Attempt.completed();
	}

	/**
	 * Gives the money back: voids an authorization, and, when {@code refundCaptured},
	 * refunds whatever is still captured.
	 */
	Attempt giveBack(UUID paymentId, @Nullable UUID orderId, String reason, boolean refundCaptured) {
		Payment payment = find(paymentId);
		UUID order = (orderId != null) ? orderId : payment.orderId();
		if (payment.status().voidable()) {
			if (claim(paymentId, Operation.VOID, null)) {
				return voidClaimed(payment, order, reason);
			}
			if (find(paymentId).status().voidable()) {
				// A capture is in flight: once it is done, the money is refunded instead.
				return refundCaptured ? Attempt.retry(Operation.VOID, null, "a capture is in flight")
						: Attempt.completed();
			}
			return giveBack(paymentId, orderId, reason, refundCaptured);
		}
		if (payment.status().refundable() && refundCaptured) {
			return refund(paymentId, order, GIVE_BACK_KEY, null, reason);
		}
		return Attempt.completed();
	}

	/**
	 * Claims the payment for its order's capture in the caller's transaction: the
	 * checkout does so in the transaction that records the order.
	 */
	void attach(UUID paymentId, UUID orderId) {
		if (!this.payments.claim(paymentId, Operation.CAPTURE, orderId, now())) {
			throw notCapturable(find(paymentId), orderId);
		}
	}

	private static ConflictException notCapturable(Payment payment, UUID orderId) {
		return new ConflictException("payment-state-conflict", "Payment " + payment.id()
				+ " cannot be captured for order " + orderId + ": it is " + describe(payment) + ".");
	}

	private static boolean attachedTo(Payment payment, UUID orderId) {
		return payment.pending() == Operation.CAPTURE && orderId.equals(payment.orderId());
	}

	/**
	 * Claims the payment for a gateway step in a transaction of its own: the claim must
	 * be visible to the transaction that records the step's outcome, whatever transaction
	 * the caller is in.
	 */
	private boolean claim(UUID paymentId, Operation operation, @Nullable UUID orderId) {
		return Boolean.TRUE
			.equals(this.transactions.execute(status -> this.payments.claim(paymentId, operation, orderId, now())));
	}

	/**
	 * Refunds {@code requested}, or, when null, whatever is still captured and not yet
	 * claimed by another refund.
	 */
	Attempt refund(UUID paymentId, @Nullable UUID orderId, String key, @Nullable Money requested, String reason) {
		Payment payment = find(paymentId);
		UUID order = (orderId != null) ? orderId : payment.orderId();
		Optional<Refund> existing = this.payments.refund(paymentId, key);
		if (existing.isPresent()) {
			if (requested != null && !existing.get().amount().equals(requested)) {
				throw new PaymentMismatchException("The refund key " + key + " was used for another amount.");
			}
			return existing.get().pending() ? send(existing.get(), order) : Attempt.completed();
		}
		if (!payment.status().refundable()) {
			if (requested == null) {
				return Attempt.completed();
			}
			throw new ConflictException("payment-state-conflict",
					"Payment " + paymentId + " is " + describe(payment) + "; only captured money can be refunded.");
		}
		Money amount = (requested != null) ? requested : payment.money(payment.refundable());
		if (requested == null && amount.nothing()) {
			return Attempt.completed();
		}
		if (!amount.currency().equals(payment.amount().currency()) || amount.amount() <= 0) {
			throw new InvalidRequestException("invalid-refund",
					"A refund must be a positive amount in " + payment.amount().currency().getCurrencyCode() + ".");
		}
		Refund refund = new Refund(UUID.randomUUID(), paymentId, key, amount, reason, true, now());
		try {
			this.transactions.executeWithoutResult(status -> {
				if (!this.payments.reserveRefund(paymentId, amount.amount(), refund.createdAt())) {
					Payment current = find(paymentId);
					if (!current.status().refundable()) {
						throw new ConflictException("payment-state-conflict", "Payment " + paymentId + " is "
								+ describe(current) + "; only captured money can be refunded.");
					}
					throw new InvalidRequestException("refund-exceeds-capture",
							"Only " + format(current.money(current.refundable())) + " of payment " + paymentId
									+ " can still be refunded.");
				}
				this.payments.insert(refund);
			});
		}
		catch (DuplicateKeyException ex) {
			// A concurrent call with the same key accepted its refund first.
			return refund(paymentId, orderId, key, requested, reason);
		}
		return send(refund, order);
	}

	/** Asks the gateway again for a refund that was accepted but not yet confirmed. */
	Attempt retryRefund(UUID refundId, @Nullable UUID orderId) {
		Refund refund = this.payments.refund(refundId).orElseThrow(() -> new NotFoundException("Refund " + refundId));
		UUID order = (orderId != null) ? orderId : find(refund.paymentId()).orderId();
		return refund.pending() ? send(refund, order) : Attempt.completed();
	}

	private Attempt captureClaimed(Payment payment, UUID orderId) {
		String reference;
		try {
			reference = this.gateway.capture(authorizationOf(payment), payment.amount());
		}
		catch (GatewayException ex) {
			failed(payment, Operation.CAPTURE, payment.amount(), ex);
			return Attempt.retry(Operation.CAPTURE, null, String.valueOf(ex.getMessage()));
		}
		this.transactions.executeWithoutResult(status -> {
			Instant at = now();
			succeeded(payment, Operation.CAPTURE, payment.amount(), reference, at);
			if (!this.payments.captured(payment.id(), at)) {
				return;
			}
			this.events.publishEvent(new PaymentCaptured(payment.id(), orderId, payment.amount(), at));
			note(payment, orderId, "captured " + format(payment.amount()));
		});
		return Attempt.completed();
	}

	private Attempt voidClaimed(Payment payment, @Nullable UUID orderId, String reason) {
		String reference;
		try {
			reference = this.gateway.voidAuthorization(authorizationOf(payment));
		}
		catch (GatewayException ex) {
			failed(payment, Operation.VOID, payment.amount(), ex);
			return Attempt.retry(Operation.VOID, null, String.valueOf(ex.getMessage()));
		}
		this.transactions.executeWithoutResult(status -> {
			Instant at = now();
			succeeded(payment, Operation.VOID, payment.amount(), reference, at);
			if (!this.payments.voided(payment.id(), at)) {
				return;
			}
			this.events.publishEvent(new PaymentVoided(payment.id(), orderId, payment.amount(), at));
			note(payment, orderId, "payment voided (" + reason + ")");
		});
		return Attempt.completed();
	}

	private Attempt send(Refund refund, @Nullable UUID orderId) {
		Payment payment = find(refund.paymentId());
		String reference;
		try {
			reference = this.gateway.refund(authorizationOf(payment), refund.id().toString(), refund.amount());
		}
		catch (GatewayException ex) {
			failed(payment, Operation.REFUND, refund.amount(), ex);
			return Attempt.retry(Operation.REFUND, refund.id(), String.valueOf(ex.getMessage()));
		}
		this.transactions.executeWithoutResult(status -> {
			// The payment row first, as every refund transaction takes it: a refund being
			// accepted holds it while it inserts its key, so taking the refund row first
			// could deadlock with it.
			this.payments.lock(payment.id());
			Instant at = now();
			succeeded(payment, Operation.REFUND, refund.amount(), reference, at);
			if (!this.payments.refundSucceeded(refund.id(), reference, at)) {
				return;
			}
			Payment counted = count(refund, at);
			this.events.publishEvent(new PaymentRefunded(payment.id(), refund.id(), orderId, refund.amount(),
					counted.money(counted.refunded()), counted.money(counted.captured()), at));
			note(payment, orderId, "refunded " + format(refund.amount()));
		});
		return Attempt.completed();
	}

	/**
	 * Tells the order's history what happened to its money, in the transaction that
	 * records the money step, behind a savepoint: the money step stands on its own, so an
	 * order that cannot take the note is only logged.
	 */
	private void note(Payment payment, @Nullable UUID orderId, String note) {
		if (orderId == null) {
			return;
		}
		try {
			this.savepoints.executeWithoutResult(status -> this.orders.note(orderId, ACTOR, note));
		}
		catch (NotFoundException | ConflictException ex) {
			log.atWarn()
				.setMessage("order history note not written")
				.addKeyValue("paymentId", payment.id())
				.addKeyValue("orderId", orderId)
				.addKeyValue("reason", ex.getBody().getDetail())
				.log();
		}
	}

	/**
	 * Adds a confirmed refund to its payment; concurrent refunds retry on the fresh row.
	 */
	private Payment count(Refund refund, Instant at) {
		for (int attempt = 1; attempt <= REFUND_COUNT_ATTEMPTS; attempt++) {
			Payment current = find(refund.paymentId());
			long refunded = current.refunded() + refund.amount().amount();
			PaymentStatus next = PaymentStatus.afterRefunds(current.captured(), refunded);
			if (this.payments.refunded(current, refunded, next, at)) {
				return find(refund.paymentId());
			}
		}
		throw new IllegalStateException("refund " + refund.id() + " could not be counted on its payment");
	}

	private void failed(Payment payment, Operation operation, Money amount, GatewayException ex) {
		log.atWarn()
			.setMessage("payment gateway failed")
			.addKeyValue("paymentId", payment.id())
			.addKeyValue("operation", operation)
			.addKeyValue("reason", ex.getMessage())
			.log();
		this.transactions.executeWithoutResult(status -> this.payments.record(new GatewayCall(payment.id(),
				payment.gateway(), operation, amount, Outcome.FAILED, null, ex.getMessage(), now())));
	}

	private void succeeded(Payment payment, Operation operation, Money amount, String reference, Instant at) {
		this.payments.record(new GatewayCall(payment.id(), payment.gateway(), operation, amount, Outcome.SUCCEEDED,
				reference, null, at));
	}

	private Payment find(UUID paymentId) {
		return this.payments.find(paymentId).orElseThrow(() -> new NotFoundException("Payment " + paymentId));
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static String authorizationOf(Payment payment) {
		if (payment.gatewayReference() == null) {
			throw new IllegalStateException("payment " + payment.id() + " has no authorization");
		}
		return payment.gatewayReference();
	}

	private static String describe(Payment payment) {
		if (payment.status() == PaymentStatus.AUTHORIZED && payment.pending() == Operation.VOID) {
			return "being voided";
		}
		if (payment.status() == PaymentStatus.AUTHORIZED && payment.orderId() != null) {
			return "being captured for order " + payment.orderId();
		}
		if (payment.orderId() != null) {
			return payment.status() + " for order " + payment.orderId();
		}
		return payment.status().name();
	}

	/** Money as people read it in a history note, such as {@code 12.99 EUR}. */
	static String format(Money money) {
		return BigDecimal.valueOf(money.amount(), Math.max(money.currency().getDefaultFractionDigits(), 0))
			.toPlainString() + " " + money.currency().getCurrencyCode();
	}

}
