package io.emporium.payments.internal;

import java.util.Optional;
import java.util.UUID;

import io.emporium.payments.Authorization;
import io.emporium.payments.PaymentMismatchException;
import io.emporium.payments.PaymentRequest;
import io.emporium.payments.Payments;
import io.emporium.payments.internal.Payment.Operation;
import io.emporium.platform.Money;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * What other modules ask of payments: authorizations are made by {@link Authorizations}
 * under the caller's idempotency key, so one key holds money at most once; captures by
 * {@link Captures}; voids and refunds by {@link Settlements}. A step the gateway fails is
 * left to the reconciliation job.
 */
@Service
class PaymentService implements Payments {

	private final Authorizations authorizations;

	private final PaymentRepository payments;

	private final Settlements settlements;

	private final Captures captures;

	private final Reconciliations reconciliations;

	PaymentService(Authorizations authorizations, PaymentRepository payments, Settlements settlements,
			Captures captures, Reconciliations reconciliations) {
		this.authorizations = authorizations;
		this.payments = payments;
		this.settlements = settlements;
		this.captures = captures;
		this.reconciliations = reconciliations;
	}

	@Override
	public Optional<UUID> paymentFor(String idempotencyKey) {
		return this.payments.findByKey(idempotencyKey).map(Payment::id);
	}

	@Override
	public UUID open(PaymentRequest request) {
		return this.authorizations.open(request);
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
		return this.authorizations.authorize(request, earlier.orElse(null));
	}

	@Override
	public void attach(Authorization authorization, UUID orderId) {
		this.authorizations.recordOpened(authorization);
		this.captures.attach(authorization.paymentId(), orderId);
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
		this.reconciliations.openIfFailed(paymentId, null, reason,
				this.settlements.refund(paymentId, null, refundKey, amount, reason));
	}

	/**
	 * Voids or refunds, for an order when {@code orderId} is given, after learning from
	 * the gateway what a PENDING authorization holds; a step the gateway fails is
	 * recorded for the reconciliation job.
	 */
	void giveBack(UUID paymentId, @Nullable UUID orderId, String reason, boolean refundCaptured) {
		this.reconciliations.openIfFailed(paymentId, orderId, reason,
				tryGiveBack(paymentId, orderId, reason, refundCaptured));
	}

	/**
	 * One attempt to give the money back, as {@link #giveBack} and the reconciliation job
	 * make it: a PENDING payment is first recovered from the gateway.
	 */
	Attempt tryGiveBack(UUID paymentId, @Nullable UUID orderId, String reason, boolean refundCaptured) {
		return this.authorizations.recover(paymentId)
				? this.settlements.giveBack(paymentId, orderId, reason, refundCaptured)
				: Attempt.retry(Operation.VOID, null, "the gateway did not answer for a pending authorization");
	}

}
