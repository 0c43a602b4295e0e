package io.emporium.payments.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.emporium.payments.Authorization;
import io.emporium.payments.PaymentAuthorized;
import io.emporium.payments.PaymentDeclinedException;
import io.emporium.payments.PaymentFailed;
import io.emporium.payments.PaymentRequest;
import io.emporium.payments.PaymentUnavailableException;
import io.emporium.payments.internal.GatewayCall.Outcome;
import io.emporium.payments.internal.Payment.Operation;
import io.emporium.payments.internal.PaymentGateway.GatewayException;
import io.emporium.payments.internal.PaymentGateway.GatewayOutcome;
import io.emporium.platform.ConflictException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Asks the gateway to hold money and records its answer, approved, declined or failed,
 * with the gateway call: in a transaction of its own, or, for an authorization opened in
 * the caller's transaction beforehand, with whatever relies on it (the order). Either way
 * the payment is on record before the gateway is asked or right after it answers. Gateway
 * calls run outside any database transaction.
 */
@Component
class Authorizations {

	private static final Logger log = LoggerFactory.getLogger(Authorizations.class);

	private final PaymentGateway gateway;

	private final PaymentRepository payments;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Authorizations(PaymentGateway gateway, PaymentRepository payments, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.gateway = gateway;
		this.payments = payments;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * Opens an authorization in the caller's transaction, before the gateway is asked:
	 * PENDING, with its token, so that it is on record even if this node stops right
	 * after the gateway answers. Returns its id, or that of the payment already under the
	 * key.
	 */
	UUID open(PaymentRequest request) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("an authorization is opened in the caller's transaction");
		}
		Instant at = now();
		UUID id = UUID.randomUUID();
		if (this.payments.open(
				new Payment(id, request.idempotencyKey(), this.gateway.name(), null, PaymentStatus.PENDING,
						request.amount(), null, null, null, request.cartId(), null, 0, 0, 0, null, at, at),
				request.token())) {
			return id;
		}
		return this.payments.findByKey(request.idempotencyKey()).orElseThrow().id();
	}

	/**
	 * The authorization under the request's key: the earlier answer if there is one (of
	 * the same amount, which the caller has checked), else the gateway's. A declined or
	 * failed answer is recorded at once, and so is an approval, except for an opened
	 * (PENDING) payment: its approval is recorded with its order ({@link #recordOpened})
	 * or when it is given back ({@link #recover}).
	 */
	Authorization authorize(PaymentRequest request, @Nullable Payment earlier) {
		boolean opened = earlier != null && earlier.status() == PaymentStatus.PENDING;
		if (earlier != null && earlier.status() != PaymentStatus.FAILED && !opened) {
			return answer(earlier);
		}
		GatewayOutcome outcome;
		try {
			outcome = ask(request);
		}
		catch (GatewayException ex) {
			recordOutage(earlier, request, ex);
			throw new PaymentUnavailableException();
		}
		if (opened && outcome.approved()) {
			return new Authorization(earlier.id(), this.gateway.name(), outcome.reference(), request.amount(),
					outcome.brand(), outcome.last4());
		}
		return answer(record(earlier, request, outcome));
	}

	/**
	 * Records, in the caller's transaction, the approval of an authorization that was
	 * opened PENDING; one already recorded is left as it is.
	 */
	void recordOpened(Authorization authorization) {
		Instant at = now();
		if (this.payments.authorized(authorization.paymentId(), authorization.gatewayReference(), authorization.brand(),
				authorization.last4(), at)) {
			this.payments
				.record(new GatewayCall(authorization.paymentId(), authorization.gateway(), Operation.AUTHORIZE,
						authorization.amount(), Outcome.SUCCEEDED, authorization.gatewayReference(), null, at));
			this.events.publishEvent(new PaymentAuthorized(authorization.paymentId(), authorization.gateway(),
					authorization.amount(), at));
		}
	}

	/**
	 * Asks the gateway again for a PENDING authorization, under the same key and token
	 * (so it answers as it did), and records the answer, so that what it holds can be
	 * given back. True when nothing is PENDING any more; false when the gateway did not
	 * answer (the payment stays PENDING, to be asked again).
	 */
	boolean recover(UUID paymentId) {
		Payment payment = this.payments.find(paymentId).orElse(null);
		String token = (payment != null && payment.status() == PaymentStatus.PENDING)
				? this.payments.token(paymentId).orElse(null) : null;
		if (payment == null || token == null) {
			return true;
		}
		PaymentRequest request = new PaymentRequest(payment.idempotencyKey(), token, payment.amount(),
				payment.cartId());
		GatewayOutcome outcome;
		try {
			outcome = ask(request);
		}
		catch (GatewayException ex) {
			this.transactions
				.executeWithoutResult(tx -> this.payments.record(new GatewayCall(paymentId, this.gateway.name(),
						Operation.AUTHORIZE, payment.amount(), Outcome.FAILED, null, ex.getMessage(), now())));
			return false;
		}
		if (outcome.approved()) {
			this.transactions.executeWithoutResult(tx -> recordOpened(new Authorization(paymentId, this.gateway.name(),
					outcome.reference(), payment.amount(), outcome.brand(), outcome.last4())));
		}
		else {
			record(payment, request, outcome);
		}
		return true;
	}

	private GatewayOutcome ask(PaymentRequest request) {
		try {
			return this.gateway.authorize(request.idempotencyKey(), request.token(), request.amount(),
					"cart:" + request.cartId());
		}
		catch (GatewayException ex) {
			log.atWarn()
				.setMessage("payment gateway failed")
				.addKeyValue("gateway", this.gateway.name())
				.addKeyValue("reason", ex.getMessage())
				.log();
			throw ex;
		}
	}

	private Payment record(@Nullable Payment failed, PaymentRequest request, GatewayOutcome outcome) {
		Instant at = now();
		PaymentStatus status = outcome.approved() ? PaymentStatus.AUTHORIZED : PaymentStatus.DECLINED;
		UUID id = (failed != null) ? failed.id() : UUID.randomUUID();
		Payment payment = new Payment(id, request.idempotencyKey(), this.gateway.name(), outcome.reference(), status,
				request.amount(), outcome.approved() ? outcome.brand() : null,
				outcome.approved() ? outcome.last4() : null, outcome.approved() ? null : outcome.reason(),
				request.cartId(), null, 0, 0, 0, null, at, at);
		GatewayCall call = new GatewayCall(id, this.gateway.name(), Operation.AUTHORIZE, request.amount(),
				outcome.approved() ? Outcome.SUCCEEDED : Outcome.DECLINED, outcome.reference(),
				outcome.approved() ? null : outcome.reason(), at);
		try {
			return this.transactions.execute(tx -> {
				if (failed == null) {
					this.payments.insert(payment, null);
				}
				else if (!this.payments.retried(id, status, payment.gatewayReference(), payment.brand(),
						payment.last4(), payment.failureReason(), at)) {
					// A concurrent retry answered first; its record is the answer.
					this.payments.record(call);
					return this.payments.find(id).orElseThrow();
				}
				this.payments.record(call);
				announce(payment);
				return payment;
			});
		}
		catch (DuplicateKeyException ex) {
			// A concurrent call with the same key recorded first; the gateway answered
			// both
			// with the same reference, so the first record is the answer.
			Payment first = this.payments.findByKey(payment.idempotencyKey()).orElseThrow();
			this.transactions.executeWithoutResult(
					tx -> this.payments.record(new GatewayCall(first.id(), call.gateway(), call.operation(),
							call.amount(), call.outcome(), call.gatewayReference(), call.error(), call.at())));
			return first;
		}
	}

	/** An outage: nothing is held, but the attempt is kept, and a retry may succeed. */
	private void recordOutage(@Nullable Payment failed, PaymentRequest request, GatewayException ex) {
		Instant at = now();
		UUID id = (failed != null) ? failed.id() : UUID.randomUUID();
		try {
			this.transactions.executeWithoutResult(tx -> {
				if (failed == null) {
					this.payments.insert(new Payment(id, request.idempotencyKey(), this.gateway.name(), null,
							PaymentStatus.FAILED, request.amount(), null, null, ex.getMessage(), request.cartId(), null,
							0, 0, 0, null, at, at), null);
				}
				if (failed == null || (failed.status() == PaymentStatus.PENDING
						&& this.payments.unanswered(id, ex.getMessage(), at))) {
					this.events.publishEvent(
							new PaymentFailed(id, this.gateway.name(), request.amount(), "gateway unavailable", at));
				}
				this.payments.record(new GatewayCall(id, this.gateway.name(), Operation.AUTHORIZE, request.amount(),
						Outcome.FAILED, null, ex.getMessage(), at));
			});
		}
		catch (DuplicateKeyException race) {
			// A concurrent call with the same key recorded first; its record stands.
		}
	}

	private void announce(Payment payment) {
		if (payment.status() == PaymentStatus.AUTHORIZED) {
			this.events.publishEvent(
					new PaymentAuthorized(payment.id(), payment.gateway(), payment.amount(), payment.createdAt()));
		}
		else {
			this.events.publishEvent(new PaymentFailed(payment.id(), payment.gateway(), payment.amount(),
					String.valueOf(payment.failureReason()), payment.createdAt()));
		}
	}

	private static Authorization answer(Payment payment) {
		if (payment.status() == PaymentStatus.DECLINED) {
			throw new PaymentDeclinedException(String.valueOf(payment.failureReason()));
		}
		if (payment.status() == PaymentStatus.FAILED) {
			throw new PaymentUnavailableException();
		}
		if (payment.status() == PaymentStatus.VOIDED) {
			throw new ConflictException("payment-voided",
					"The payment made under this idempotency key was voided; pay again with a new key.");
		}
		return payment.authorization();
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
