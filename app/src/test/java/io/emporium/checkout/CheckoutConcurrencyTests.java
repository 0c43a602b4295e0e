package io.emporium.checkout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.emporium.ApiClient;
import io.emporium.HttpTestSupport;
import io.emporium.StoreFixture;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real threads, real HTTP, real database: checkout never oversells and never charges
 * twice.
 */
class CheckoutConcurrencyTests extends HttpTestSupport {

	@Autowired
	JdbcClient jdbc;

	@Test
	void fiveHundredBuyersRacingForFiftyUnitsMakeExactlyFiftyOrders() throws Exception {
		StoreFixture store = this.store;
		String sku = store.product(999, 50);
		String email = "flash-" + UUID.randomUUID() + "@example.com";
		List<String> carts = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			ApiClient.Response cart = store.api().post("/api/v1/carts", null);
			store.api().post("/api/v1/carts/" + cart.text("id") + "/items", Map.of("sku", sku, "quantity", 1));
			carts.add(cart.text("id"));
		}

		List<ApiClient.Response> responses = race(carts.size(),
				i -> store.api()
					.with("Idempotency-Key", "flash-" + carts.get(i))
					.post("/api/v1/checkout", StoreFixture.checkout(carts.get(i), email, "tok_visa")));

		Map<Integer, Long> byStatus = responses.stream()
			.collect(Collectors.groupingBy(ApiClient.Response::status, Collectors.counting()));
		assertThat(byStatus).containsOnlyKeys(201, 409).containsEntry(201, 50L).containsEntry(409, 450L);
		assertThat(responses.stream().filter(r -> r.status() == 409))
			.allSatisfy(r -> assertThat(r.text("type")).endsWith("/sold-out"));
		ApiClient.Response orders = store.admin().get("/api/v1/admin/orders?email=" + email + "&size=100");
		assertThat(orders.json().path("total").asInt()).isEqualTo(50);
		ApiClient.Response stock = store.admin().get("/api/v1/admin/inventory/" + sku);
		assertThat(stock.json().path("levels").get(0).path("onHand").asInt()).isZero();
		assertThat(stock.json().path("levels").get(0).path("reserved").asInt()).isZero();
	}

	@Test
	void twentyConcurrentRetriesOfOneCheckoutMakeOneOrderAndOnePayment() throws Exception {
		StoreFixture store = this.store;
		String sku = store.product(2500, 10);
		String email = "retry-" + UUID.randomUUID() + "@example.com";
		String cartId = store.cartWith(store.api(), sku, 2);
		String key = "retry-" + UUID.randomUUID();

		List<ApiClient.Response> responses = race(20,
				i -> store.api()
					.with("Idempotency-Key", key)
					.post("/api/v1/checkout", StoreFixture.checkout(cartId, email, "tok_visa")));

		assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
		assertThat(responses.stream().map(ApiClient.Response::body).distinct()).hasSize(1);
		ApiClient.Response orders = store.admin().get("/api/v1/admin/orders?email=" + email);
		assertThat(orders.json().path("total").asInt()).isEqualTo(1);
		assertThat(store.payments(cartId)).singleElement()
			.satisfies(payment -> assertThat(payment.path("status").asText()).isIn("AUTHORIZED", "CAPTURED"));
		ApiClient.Response stock = store.admin().get("/api/v1/admin/inventory/" + sku);
		assertThat(stock.json().path("levels").get(0).path("onHand").asInt()).isEqualTo(8);
	}

	@Test
	void eightCheckoutsOfOneCartWithEightKeysMakeOneOrderOnePaymentAndOneHold() throws Exception {
		StoreFixture store = this.store;
		String sku = store.product(1800, 10);
		String email = "double-click-" + UUID.randomUUID() + "@example.com";
		String cartId = store.cartWith(store.api(), sku, 3);

		List<ApiClient.Response> responses = race(8,
				i -> store.api()
					.with("Idempotency-Key", UUID.randomUUID().toString())
					.post("/api/v1/checkout", StoreFixture.checkout(cartId, email, "tok_visa")));

		assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
		assertThat(responses).filteredOn(r -> r.status() != 201)
			.allSatisfy(r -> assertThat(r.text("type").replaceAll(".*/", "")).as(r.toString())
				.isIn("checkout-in-progress", "cart-closed"));
		ApiClient.Response orders = store.admin().get("/api/v1/admin/orders?email=" + email);
		assertThat(orders.json().path("total").asInt()).isEqualTo(1);
		assertThat(store.payments(cartId)).singleElement()
			.satisfies(payment -> assertThat(payment.path("amount").path("amount").asLong()).isEqualTo(5400));
		assertThat(store.stock(sku)).isEqualTo(new StoreFixture.Level(7, 0));
	}

	/** Starts all calls at once on their own threads and waits for every answer. */
	private static List<ApiClient.Response> race(int count, Function<Integer, ApiClient.Response> call)
			throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<ApiClient.Response>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int index = i;
				futures.add(threads.submit(() -> {
					start.await();
					return call.apply(index);
				}));
			}
			start.countDown();
			List<ApiClient.Response> responses = new ArrayList<>();
			for (Future<ApiClient.Response> future : futures) {
				responses.add(future.get());
			}
			return responses;
		}
	}

}
