package io.emporium.checkout;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.emporium.ApiClient;
import io.emporium.StoreFixture;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * A checkout that stalls past the stale time has its key taken over by a retry; when the
 * stalled attempt wakes up, its outcome is discarded and its authorization voided, and
 * the key keeps the newer attempt's answer.
 */
class CheckoutFencingTests extends CheckoutFaultsSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	void discardsTheLateFinisherAndVoidsItsCharge() throws Exception {
		String sku = this.store.product(2000, 5);
		String cartId = this.store.cartWith(this.store.api(), sku, 1);
		String key = UUID.randomUUID().toString();
		CountDownLatch stalled = new CountDownLatch(1);
		CountDownLatch wakeUp = new CountDownLatch(1);
		doAnswer(call -> {
			if (stalled.getCount() > 0) {
				stalled.countDown();
				assertThat(wakeUp.await(30, TimeUnit.SECONDS)).isTrue();
			}
			return call.callRealMethod();
		}).when(this.payments).authorize(any());
		CompletableFuture<ApiClient.Response> late = CompletableFuture.supplyAsync(() -> checkout(cartId, key));
		assertThat(stalled.await(30, TimeUnit.SECONDS)).isTrue();
		StaleKeys.makeStale(this.jdbc, key);

		ApiClient.Response retry = checkout(cartId, key);
		wakeUp.countDown();
		ApiClient.Response lateAnswer = late.get(30, TimeUnit.SECONDS);

		assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
		assertThat(lateAnswer.status()).as(lateAnswer.toString()).isEqualTo(409);
		assertThat(lateAnswer.text("type")).endsWith("/checkout-in-progress");
		ApiClient.Response replay = checkout(cartId, key);
		assertThat(replay.status()).isEqualTo(201);
		assertThat(replay.body()).isEqualTo(retry.body());
		await().untilAsserted(
				() -> assertThat(this.store.payments(cartId)).extracting(payment -> payment.path("status").asText())
					.containsExactlyInAnyOrder("VOIDED", "CAPTURED"));
		assertThat(this.store.stock(sku)).isEqualTo(new StoreFixture.Level(4, 0));
		ApiClient.Response order = this.store.admin().get("/api/v1/orders/" + replay.text("orderId"));
		assertThat(order.text("status")).isEqualTo("PAID");
	}

	private ApiClient.Response checkout(String cartId, String key) {
		return this.store.api()
			.with("Idempotency-Key", key)
			.post("/api/v1/checkout", StoreFixture.checkout(cartId, "fenced@example.com", "tok_visa"));
	}

}
