package io.emporium.checkout;

import java.util.Map;
import java.util.UUID;

import io.emporium.ApiClient;
import io.emporium.StoreFixture;
import io.emporium.inventory.ReservationId;
import io.emporium.payments.Authorization;
import io.emporium.payments.PaymentUnavailableException;
import io.emporium.platform.ConflictException;
import io.emporium.platform.Money;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

/**
 * Breaks each step after the money was authorized and finds it given back: the
 * authorization voided, the hold released, the cart open again, and the key free for a
 * retry that then succeeds, because such a failure is never the key's final answer.
 */
class CheckoutCompensationTests extends CheckoutFaultsSupport {

	@Test
	void voidsTheAuthorizationWhenTheOrderCannotBeRecorded() {
		Purchase purchase = purchase();
		doThrow(new DataIntegrityViolationException("orders_order insert failed")).when(this.orders).placePaid(any());

		ApiClient.Response failed = checkout(purchase);

		assertThat(failed.status()).isEqualTo(500);
		assertGivenBack(purchase);
		assertRetrySucceeds(purchase);
	}

	@Test
	void voidsTheAuthorizationWhenTheHoldWasReleasedMeanwhile() {
		Purchase purchase = purchase();
		doAnswer(call -> {
			this.inventory.release(call.getArgument(0, ReservationId.class));
			return call.callRealMethod();
		}).when(this.inventory).confirm(any(), any());

		ApiClient.Response failed = checkout(purchase);

		assertThat(failed.status()).isEqualTo(409);
		assertThat(failed.text("type")).endsWith("/reservation-released");
		assertGivenBack(purchase);
		assertRetrySucceeds(purchase);
	}

	@Test
	void voidsTheAuthorizationWhenTheCartCannotBeClosed() {
		Purchase purchase = purchase();
		doThrow(new ConflictException("checkout-in-progress", "taken over")).when(this.carts)
			.checkedOut(any(), any(), any());

		ApiClient.Response failed = checkout(purchase);

		assertThat(failed.status()).isEqualTo(409);
		assertGivenBack(purchase);
		assertRetrySucceeds(purchase);
	}

	@Test
	void voidsAnAuthorizationForAnotherAmountThanTheTotal() {
		Purchase purchase = purchase();
		doAnswer(call -> {
			Authorization real = (Authorization) call.callRealMethod();
			return new Authorization(real.paymentId(), real.gateway(), real.gatewayReference(),
					real.amount().plus(Money.of(1, "EUR")), real.brand(), real.last4());
		}).when(this.payments).authorize(any());

		ApiClient.Response failed = checkout(purchase);

		assertThat(failed.status()).isEqualTo(409);
		assertThat(failed.text("type")).endsWith("/payment-mismatch");
		assertGivenBack(purchase);
		assertRetrySucceeds(purchase);
	}

	@Test
	void releasesTheHoldWhenNoGatewayAnswersAndLetsTheSameKeyRetry() {
		Purchase purchase = purchase();
		doThrow(new PaymentUnavailableException()).when(this.payments).authorize(any());

		ApiClient.Response failed = checkout(purchase);

		assertThat(failed.status()).isEqualTo(503);
		assertHoldsNoMoney(purchase);
		assertThat(this.store.stock(purchase.sku())).isEqualTo(new StoreFixture.Level(5, 0));
		assertRetrySucceeds(purchase);
	}

	@Test
	void refusesARetryOfTheSameKeyAfterTheCartChanged() {
		Purchase purchase = purchase();
		doThrow(new PaymentUnavailableException()).when(this.payments).authorize(any());
		checkout(purchase);
		ApiClient.Response added = this.store.api()
			.post("/api/v1/carts/" + purchase.cartId() + "/items", Map.of("sku", purchase.sku(), "quantity", 1));
		assertThat(added.status()).as(added.toString()).isEqualTo(200);

		ApiClient.Response retried = checkout(purchase);

		assertRefusedAsAnotherPurchase(purchase, retried);
	}

	@Test
	void refusesARetryOfTheSameKeyAfterThePriceChanged() {
		Purchase purchase = purchase();
		doThrow(new PaymentUnavailableException()).when(this.payments).authorize(any());
		checkout(purchase);
		reset(this.payments);
		this.store.reprice(purchase.sku(), 1500);

		ApiClient.Response retried = checkout(purchase);

		assertRefusedAsAnotherPurchase(purchase, retried);
	}

	/** 422 for the key, and nothing charged, held or closed for the purchase. */
	private void assertRefusedAsAnotherPurchase(Purchase purchase, ApiClient.Response retried) {
		assertThat(retried.status()).isEqualTo(422);
		assertThat(retried.text("type")).endsWith("/idempotency-key-reused");
		assertHoldsNoMoney(purchase);
		assertThat(this.store.stock(purchase.sku())).isEqualTo(new StoreFixture.Level(5, 0));
		assertThat(this.store.cartStatus(this.store.api(), purchase.cartId())).isEqualTo("ACTIVE");
	}

	private Purchase purchase() {
		String sku = this.store.product(1200, 5);
		String cartId = this.store.cartWith(this.store.api(), sku, 2);
		return new Purchase(sku, cartId, UUID.randomUUID().toString());
	}

	/**
	 * The payment opened with the hold holds nothing: whatever the gateway may have given
	 * it (the stub stood in for an unanswered call) was asked for again and voided.
	 */
	private void assertHoldsNoMoney(Purchase purchase) {
		assertThat(this.store.payments(purchase.cartId())).extracting(payment -> payment.path("status").asText())
			.allSatisfy(status -> assertThat(status).isIn("VOIDED", "FAILED", "DECLINED"));
	}

	private void assertGivenBack(Purchase purchase) {
		assertThat(this.store.payments(purchase.cartId())).singleElement()
			.satisfies(payment -> assertThat(payment.path("status").asText()).isEqualTo("VOIDED"));
		assertThat(this.store.stock(purchase.sku())).isEqualTo(new StoreFixture.Level(5, 0));
		assertThat(this.store.cartStatus(this.store.api(), purchase.cartId())).isEqualTo("ACTIVE");
	}

	private void assertRetrySucceeds(Purchase purchase) {
		reset(this.orders, this.inventory, this.carts, this.payments);

		ApiClient.Response retried = checkout(purchase);

		assertThat(retried.status()).as(retried.toString()).isEqualTo(201);
		assertThat(this.store.payments(purchase.cartId())).extracting(payment -> payment.path("status").asText())
			.filteredOn(status -> !status.equals("VOIDED"))
			.singleElement()
			.isIn("AUTHORIZED", "CAPTURED");
		assertThat(this.store.stock(purchase.sku())).isEqualTo(new StoreFixture.Level(3, 0));
	}

	private ApiClient.Response checkout(Purchase purchase) {
		return this.store.api()
			.with("Idempotency-Key", purchase.key())
			.post("/api/v1/checkout", StoreFixture.checkout(purchase.cartId(), "undo@example.com", "tok_visa"));
	}

	private record Purchase(String sku, String cartId, String key) {
	}

}
