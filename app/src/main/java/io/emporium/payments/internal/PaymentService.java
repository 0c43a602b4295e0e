package io.emporium.payments.internal;

import java.time.Clock;
import java.time.Instant;
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
import io.emporium.payments.internal.PaymentGateway.GatewayException;
import io.emporium.payments.internal.PaymentGateway.GatewayOutcome;
import io.emporium.platform.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Charges through a gateway and records the outcome under the caller's idempotency key,
 * so one key is charged at most once. The gateway call runs outside any database
 * transaction.
 */
@Service
class PaymentService implements Payments {

	private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

	private final PaymentGateway gateway;

	private final PaymentRepository payments;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PaymentService(PaymentGateway gateway, PaymentRepository payments, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock) {
		this.gateway = gateway;
		this.payments = payments;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public Authorization authorize(PaymentRequest request) {
		Optional<Payment> earlier = this.payments.findByKey(request.idempotencyKey());
		if (earlier.isPresent()) {
			if (!earlier.get().amount().equals(request.amount())) {
				throw new PaymentMismatchException("The idempotency key was used for another amount or currency.");
			}
			return answer(earlier.get());
		}
		GatewayOutcome outcome;
		try {
			outcome = this.gateway.charge(request.idempotencyKey(), request.token(), request.amount(),
					"cart:" + request.cartId());
		}
		catch (GatewayException ex) {
			log.atWarn()
				.setMessage("payment gateway failed")
				.addKeyValue("gateway", this.gateway.name())
				.addKeyValue("reason", ex.getMessage())
				.log();
			throw new PaymentUnavailableException();
		}
		Payment payment = Payment.of(UUID.randomUUID(), request, this.gateway.name(), outcome, now());
		return answer(record(payment));
	}

	@Override
	public void capture(UUID paymentId, UUID orderId) {
		throw new UnsupportedOperationException("capture arrives with the separate gateway calls");
	}

	@Override
	public void voidAuthorization(UUID paymentId, String reason) {
		throw new UnsupportedOperationException("void arrives with the separate gateway calls");
	}

	@Override
	public void refund(UUID paymentId, String refundKey, Money amount, String reason) {
		throw new UnsupportedOperationException("refund arrives with the separate gateway calls");
	}

	private Payment record(Payment payment) {
		try {
			return this.transactions.execute(status -> {
				this.payments.insert(payment);
				if (payment.authorized()) {
					this.events.publishEvent(new PaymentAuthorized(payment.id(), payment.gateway(), payment.amount(),
							payment.createdAt()));
				}
				else {
					this.events.publishEvent(new PaymentFailed(payment.id(), payment.gateway(), payment.amount(),
							payment.failureReason(), payment.createdAt()));
				}
				return payment;
			});
		}
		catch (DuplicateKeyException ex) {
			// A concurrent call with the same key recorded first; the gateway answered
			// both with
			// the same reference, so the first record is the answer.
			return this.payments.findByKey(payment.idempotencyKey()).orElseThrow();
		}
	}

	private static Authorization answer(Payment payment) {
		if (!payment.authorized()) {
			throw new PaymentDeclinedException(payment.failureReason());
		}
		return new Authorization(payment.id(), payment.gateway(), payment.gatewayReference(), payment.amount(),
				payment.brand(), payment.last4());
	}

	private Instant now() {
		return this.clock.instant();
	}

}
