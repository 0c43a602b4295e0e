package io.emporium.cart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.emporium.ApiClient;
import io.emporium.HttpTestSupport;
import io.emporium.StoreFixture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class CartApiTests extends HttpTestSupport {

	@Test
	void keepsLinesAndTotalsAsItemsAreAddedChangedAndRemoved() {
		String book = this.store.product(1250, 20);
		String other = this.store.product(800, 20);
		ApiClient api = this.store.api();
		String cart = api.post("/api/v1/carts", null).text("id");

		api.post("/api/v1/carts/" + cart + "/items", Map.of("sku", book, "quantity", 1));
		api.post("/api/v1/carts/" + cart + "/items", Map.of("sku", book, "quantity", 2));
		JsonNode added = api.post("/api/v1/carts/" + cart + "/items", Map.of("sku", other, "quantity", 1)).json();

		assertThat(added.path("items")).hasSize(2);
		assertThat(added.path("itemCount").asInt()).isEqualTo(4);
		assertThat(added.path("total").path("amount").asLong()).isEqualTo(3 * 1250 + 800);
		String bookLine = line(added, book).path("id").asString();

		JsonNode changed = api.patch("/api/v1/carts/" + cart + "/items/" + bookLine, Map.of("quantity", 5)).json();
		assertThat(line(changed, book).path("quantity").asInt()).isEqualTo(5);
		assertThat(changed.path("total").path("amount").asLong()).isEqualTo(5 * 1250 + 800);

		JsonNode removed = api.delete("/api/v1/carts/" + cart + "/items/" + bookLine).json();
		assertThat(removed.path("items")).hasSize(1);
		assertThat(removed.path("total").path("amount").asLong()).isEqualTo(800);
	}

	@Test
	void refusesMoreThanIsInStockAndUnknownSkus() {
		String scarce = this.store.product(1000, 2);
		String cart = this.store.api().post("/api/v1/carts", null).text("id");

		ApiClient.Response tooMany = this.store.api()
			.post("/api/v1/carts/" + cart + "/items", Map.of("sku", scarce, "quantity", 3));
		ApiClient.Response unknown = this.store.api()
			.post("/api/v1/carts/" + cart + "/items", Map.of("sku", "NO-SUCH-SKU", "quantity", 1));

		assertThat(tooMany.status()).isEqualTo(409);
		assertThat(tooMany.text("type")).endsWith("/sold-out");
		assertThat(unknown.status()).isEqualTo(422);
		assertThat(unknown.text("type")).endsWith("/unknown-sku");
	}

	@Test
	void mergesAGuestCartIntoTheCustomersCartAtSignIn() {
		String shared = this.store.product(1000, 20);
		String guestOnly = this.store.product(500, 20);
		StoreFixture.Customer customer = this.store.customer();
		String own = this.store.cartWith(customer.api(), shared, 1);
		String guest = this.store.cartWith(this.store.api(), shared, 2);
		this.store.api().post("/api/v1/carts/" + guest + "/items", Map.of("sku", guestOnly, "quantity", 1));

		ApiClient.Response merged = customer.api().post("/api/v1/carts/" + guest + "/claim", null);

		assertThat(merged.status()).isEqualTo(200);
		assertThat(merged.text("id")).isEqualTo(own);
		assertThat(line(merged.json(), shared).path("quantity").asInt()).isEqualTo(3);
		assertThat(line(merged.json(), guestOnly).path("quantity").asInt()).isEqualTo(1);
		assertThat(customer.api().get("/api/v1/me/cart").text("id")).isEqualTo(own);
		assertThat(this.store.api().get("/api/v1/carts/" + guest).text("status")).isEqualTo("MERGED");
		assertThat(this.store.api()
			.post("/api/v1/carts/" + guest + "/items", Map.of("sku", shared, "quantity", 1))
			.status()).isEqualTo(409);
	}

	@Test
	void concurrentAddsNeverTakeALineBeyondTheQuantityLimit() throws Exception {
		String book = this.store.product(1000, 500);
		String cart = this.store.api().post("/api/v1/carts", null).text("id");

		List<ApiClient.Response> answers;
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<ApiClient.Response>> calls = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				calls.add(threads.submit(() -> {
					start.await();
					return this.store.api()
						.post("/api/v1/carts/" + cart + "/items", Map.of("sku", book, "quantity", 10));
				}));
			}
			start.countDown();
			answers = new ArrayList<>();
			for (Future<ApiClient.Response> call : calls) {
				answers.add(call.get());
			}
		}

		assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(9);
		assertThat(answers).filteredOn(answer -> answer.status() != 200)
			.allSatisfy(answer -> assertThat(answer.text("type")).endsWith("/quantity-limit"));
		JsonNode stored = this.store.api().get("/api/v1/carts/" + cart).json();
		assertThat(line(stored, book).path("quantity").asInt()).isEqualTo(90);
	}

	@Test
	void mergingCartsKeepsEveryLineWithinTheQuantityLimit() {
		String book = this.store.product(1000, 500);
		StoreFixture.Customer customer = this.store.customer();
		this.store.cartWith(customer.api(), book, 60);
		String guest = this.store.cartWith(this.store.api(), book, 70);

		ApiClient.Response merged = customer.api().post("/api/v1/carts/" + guest + "/claim", null);

		assertThat(merged.status()).as(merged.toString()).isEqualTo(200);
		assertThat(line(merged.json(), book).path("quantity").asInt()).isEqualTo(99);
	}

	@Test
	void aDeclinedCheckoutGivesTheCartBack() {
		String book = this.store.product(1000, 5);
		String cart = this.store.cartWith(this.store.api(), book, 1);
		ApiClient.Response declined = this.store.api()
			.with("Idempotency-Key", UUID.randomUUID().toString())
			.post("/api/v1/checkout", StoreFixture.checkout(cart, "decline@example.com", "tok_decline"));
		assertThat(declined.status()).isEqualTo(402);

		ApiClient.Response afterDecline = this.store.api()
			.post("/api/v1/carts/" + cart + "/items", Map.of("sku", book, "quantity", 1));

		assertThat(afterDecline.status()).as("a declined checkout gives the cart back").isEqualTo(200);
	}

	@Test
	void aCheckedOutCartNoLongerChanges() {
		String sku = this.store.product(1000, 5);
		String cart = this.store.cartWith(this.store.api(), sku, 1);
		this.store.api()
			.with("Idempotency-Key", UUID.randomUUID().toString())
			.post("/api/v1/checkout", StoreFixture.checkout(cart, "done@example.com", "tok_visa"));

		ApiClient.Response change = this.store.api()
			.post("/api/v1/carts/" + cart + "/items", Map.of("sku", sku, "quantity", 1));

		assertThat(change.status()).isEqualTo(409);
		assertThat(change.text("type")).endsWith("/cart-closed");
		assertThat(this.store.api().get("/api/v1/carts/" + cart).text("status")).isEqualTo("CHECKED_OUT");
	}

	@Test
	void signingInIsNeededForTheOwnCart() {
		ApiClient.Response response = this.store.api().get("/api/v1/me/cart");

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.isProblem()).isTrue();
	}

	private static JsonNode line(JsonNode cart, String sku) {
		for (JsonNode item : cart.path("items")) {
			if (item.path("sku").asString().equals(sku)) {
				return item;
			}
		}
		throw new AssertionError("no line for " + sku + " in " + cart);
	}

}
