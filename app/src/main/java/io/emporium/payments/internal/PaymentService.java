package io.emporium.payments.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import io.emporium.payments.Authorization;
import io.emporium.payments.PaymentAuthorized;
import io.emporium.payments.PaymentDeclinedException;
import io.emporium.payments.PaymentFailed;
import io.emporium.payments.PaymentMismatchException;
import io.emporium.payments.PaymentRequest;
import io.emporium.payments.PaymentUnavailableException;
import io.emporium.payments.Payments;
import io.emporium.payments.internal.GatewayCall.Outcome;
import io.emporium.payments.internal.Payment.Operation;
import io.emporium.payments.internal.PaymentGateway.GatewayException;
import io.emporium.payments.internal.PaymentGateway.GatewayOutcome;
import io.emporium.platform.ConflictException;
import io.emporium.platform.Money;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Authorizes under the caller's idempotency key, so one key holds money at most once, and
 * hands capture to {@link Captures}, void and refund to {@link Settlements}; a step the
 * gateway fails is left to the reconciliation job. Gateway calls run outside any database
 * transaction.
 */
@Service
class PaymentService implements Payments {

	private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

	private final PaymentGateway gateway;

	private final PaymentRepository payments;

	private final Settlements settlements;

	private final Captures captures;

	private final Reconciliations reconciliations;

	private final PaymentsProperties properties;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PaymentService(PaymentGateway gateway, PaymentRepository payments, Settlements settlements, Captures captures,
			Reconciliations reconciliations, PaymentsProperties properties, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.gateway = gateway;
		this.payments = payments;
		this.settlements = settlements;
		this.captures = captures;
		this.reconciliations = reconciliations;
		this.properties = properties;
		this.events = events;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	@Override
	public Optional<UUID> paymentFor(String idempotencyKey) {
		return this.payments.findByKey(idempotencyKey).map(Payment::id);
	}

	@Override
	public Authorization authorize(PaymentRequest request) {
		Optional<Payment> earlier = this.payments.findByKey(request.idempotencyKey());
		if (earlier.isPresent() && !earlier.get().amount().equals(request.amount())) {
			Payment first = earlier.get();
			if (first.status() == PaymentStatus.AUTHORIZED) {
				giveBack(first.id(), null, "idempotency key reused for another amount", false);
			}
			throw new PaymentMismatchException("The idempotency key was first used for "
					+ Settlements.format(first.amount()) + ", not " + Settlements.format(request.amount()) + ".");
		}
		if (earlier.isPresent() && earlier.get().status() != PaymentStatus.FAILED) {
			return answer(earlier.get());
		}
		GatewayOutcome outcome;
		try {
			outcome = this.gateway.authorize(request.idempotencyKey(), request.token(), request.amount(),
					"cart:" + request.cartId());
		}
		catch (GatewayException ex) {
			log.atWarn()
				.setMessage("payment gateway failed")
				.addKeyValue("gateway", this.gateway.name())
				.addKeyValue("reason", ex.getMessage())
				.log();
			recordOutage(earlier.orElse(null), request, ex);
			throw new PaymentUnavailableException();
		}
		return answer(record(earlier.orElse(null), request, outcome));
	}

	@Override
	public void attach(UUID paymentId, UUID orderId) {
		this.captures.attach(paymentId, orderId);
	}

	@Override
	public void capture(UUID paymentId, UUID orderId) {
		this.captures.capture(paymentId, orderId);
	}

	@Override
	public void voidAuthorization(UUID paymentId, String reason) {
		giveBack(paymentId, null, reason, true);
	}

	@Override
	public void refund(UUID paymentId, String refundKey, Money amount, String reason) {
		if (refundKey.isBlank() || refundKey.equals(Settlements.GIVE_BACK_KEY)) {
			throw new IllegalArgumentException("a refund key is required, and \"" + Settlements.GIVE_BACK_KEY
					+ "\" is reserved for giving back all that is captured");
		}
		reconcileIfFailed(paymentId, null, reason, this.settlements.refund(paymentId, null, refundKey, amount, reason));
	}

	/**
	 * Voids or refunds, for an order when {@code orderId} is given; a step the gateway
	 * fails is recorded for the reconciliation job.
	 */
	void giveBack(UUID paymentId, @Nullable UUID orderId, String reason, boolean refundCaptured) {
		reconcileIfFailed(paymentId, orderId, reason,
				this.settlements.giveBack(paymentId, orderId, reason, refundCaptured));
	}

	private void reconcileIfFailed(UUID paymentId, @Nullable UUID orderId, String reason, Attempt attempt) {
		if (attempt.done() || attempt.operation() == null) {
			return;
		}
		Instant at = now();
		this.reconciliations.open(paymentId, attempt.operation(), attempt.refundId(), orderId, reason,
				String.valueOf(attempt.error()), at, at.plus(this.properties.backoff(1)));
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
					this.payments.insert(payment);
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
							0, 0, 0, null, at, at));
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
