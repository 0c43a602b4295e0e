package io.emporium.payments;

import java.util.Optional;
import java.util.UUID;

import io.emporium.platform.Money;

/**
 * What other modules may ask of payments. Money is held by {@link #authorize}, taken by
 * {@link #capture} and given back by {@link #voidAuthorization} or {@link #refund}; every
 * gateway call runs outside the caller's database transaction.
 */
public interface Payments {

	/**
	 * Opens an authorization in the caller's transaction, before {@link #authorize} asks
	 * the gateway: the payment is on record (PENDING) from then on, so that a node that
	 * stops after the gateway answered leaves something a worker can give back. Returns
	 * the payment's id.
	 * @throws IllegalStateException outside a transaction
	 */
	UUID open(PaymentRequest request);

	/**
	 * Authorizes (holds, does not capture). The approval of an {@link #open opened}
	 * authorization is recorded by {@link #attach} (or by giving it back), in the
	 * caller's transaction, instead of in one of its own. Idempotent per
	 * {@code request.idempotencyKey()}: the same key returns the first authorization when
	 * amount and currency match; otherwise throws {@link PaymentMismatchException} (409,
	 * problem type {@code payment-mismatch}) and voids the earlier authorization if it is
	 * still only authorized.
	 * @throws PaymentDeclinedException when the gateway declines the card (402)
	 * @throws PaymentUnavailableException when no gateway could answer; nothing is
	 * authorized and a retry with the same key is safe (503)
	 */
	Authorization authorize(PaymentRequest request);

	/**
	 * The payment the gateway answered under this idempotency key, if any: how a caller
	 * that died right after authorizing finds what it must give back.
	 */
	Optional<UUID> paymentFor(String idempotencyKey);

	/**
	 * Gives an authorized payment to its order, in the caller's transaction (the one that
	 * records the order), recording an opened authorization's approval: once that
	 * commits, the payment is captured for its order (at once, or by a worker if this
	 * node stops first) and can no longer be voided as a failed checkout's.
	 * @throws io.emporium.platform.NotFoundException when the payment does not exist
	 * @throws io.emporium.platform.ConflictException when the payment is being voided, is
	 * no longer authorized, or belongs to another order (409, type
	 * payment-state-conflict)
	 */
	void attach(Authorization authorization, UUID orderId);

	/**
	 * Captures an authorized payment and links it to its order. Idempotent (capturing
	 * twice is harmless). A capture the gateway fails to do is recorded for
	 * reconciliation and retried by a job.
	 * @throws io.emporium.platform.NotFoundException when the payment does not exist
	 * @throws io.emporium.platform.ConflictException when the payment was voided,
	 * declined, or captured for another order (409, type payment-state-conflict)
	 */
	void capture(UUID paymentId, UUID orderId);

	/**
	 * Gives an authorization back because no order will use it. Idempotent; never throws
	 * for gateway trouble: a failed void is recorded for reconciliation and retried by a
	 * job. A captured payment is refunded instead (whatever is still captured).
	 * @throws io.emporium.platform.NotFoundException when the payment does not exist
	 */
	void voidAuthorization(UUID paymentId, String reason);

	/**
	 * Refunds captured money, whole or in part; the payment is PARTIALLY_REFUNDED until
	 * all is back, then REFUNDED. Idempotent per {@code (paymentId, refundKey)}: the same
	 * key refunds once, and the same key with another amount throws
	 * {@link PaymentMismatchException}. Never throws for gateway trouble: a failed refund
	 * is recorded for reconciliation and retried by a job.
	 * @throws io.emporium.platform.NotFoundException when the payment does not exist
	 * @throws io.emporium.platform.ConflictException when nothing is captured (409, type
	 * payment-state-conflict)
	 * @throws io.emporium.platform.InvalidRequestException when the amount is not
	 * positive, in another currency, or more than is still captured (422)
	 */
	void refund(UUID paymentId, String refundKey, Money amount, String reason);

}
