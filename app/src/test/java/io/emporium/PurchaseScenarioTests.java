package io.emporium;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole purchase over real HTTP: register, browse, cart, checkout, read the order,
 * ship it.
 */
class PurchaseScenarioTests extends HttpTestSupport {

	@Test
	void customerBuysABookAndTheAdminShipsIt() {
		String sku = this.store.product(1999, 5);
		StoreFixture.Customer customer = this.store.customer();

		ApiClient.Response page = customer.api().get("/api/v1/products?page=0&size=100");
		assertThat(page.status()).isEqualTo(200);
		String slug = "test-book-" + sku.toLowerCase();
		ApiClient.Response product = customer.api().get("/api/v1/products/" + slug);
		assertThat(product.status()).isEqualTo(200);
		assertThat(product.json().path("variants").get(0).path("available").asInt()).isEqualTo(5);

		String guestCart = this.store.cartWith(this.store.api(), sku, 2);
		ApiClient.Response claimed = customer.api().post("/api/v1/carts/" + guestCart + "/claim", null);
		assertThat(claimed.status()).as(claimed.toString()).isEqualTo(200);
		assertThat(claimed.json().path("total").path("amount").asLong()).isEqualTo(3998);
		String cartId = claimed.text("id");

		ApiClient.Response checkout = customer.api()
			.with("Idempotency-Key", "scenario-" + sku)
			.post("/api/v1/checkout", StoreFixture.checkout(cartId, customer.email(), "tok_visa"));
		assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
		assertThat(checkout.text("status")).isEqualTo("PAID");
		assertThat(checkout.json().path("total").path("amount").asLong()).isEqualTo(3998);
		String orderId = checkout.text("orderId");

		ApiClient.Response order = customer.api().get("/api/v1/orders/" + orderId);
		assertThat(order.status()).as(order.toString()).isEqualTo(200);
		assertThat(order.text("status")).isEqualTo("PAID");
		ApiClient.Response mine = customer.api().get("/api/v1/me/orders");
		assertThat(mine.json().path("total").asInt()).isEqualTo(1);
		assertThat(
				customer.api().get("/api/v1/products/" + slug).json().path("variants").get(0).path("available").asInt())
			.isEqualTo(3);

		ApiClient.Response fulfilled = this.store.admin()
			.post("/api/v1/admin/orders/" + orderId + "/transitions", Map.of("to", "FULFILLED"));
		assertThat(fulfilled.status()).as(fulfilled.toString()).isEqualTo(200);
		ApiClient.Response shipped = this.store.admin()
			.post("/api/v1/admin/orders/" + orderId + "/transitions", Map.of("to", "SHIPPED"));
		assertThat(shipped.status()).as(shipped.toString()).isEqualTo(200);

		ApiClient.Response tracked = customer.api().get("/api/v1/orders/" + orderId);
		assertThat(tracked.text("status")).isEqualTo("SHIPPED");
		ApiClient.Response stock = this.store.admin().get("/api/v1/admin/inventory/" + sku);
		assertThat(stock.json().path("levels").get(0).path("onHand").asInt()).isEqualTo(3);
		assertThat(stock.json().path("levels").get(0).path("reserved").asInt()).isZero();
	}

	@Test
	void guestReadsTheirOrderWithTheOrderToken() {
		String sku = this.store.product(1299, 3);
		String cartId = this.store.cartWith(this.store.api(), sku, 1);

		ApiClient.Response checkout = this.store.api()
			.with("Idempotency-Key", "guest-" + sku)
			.post("/api/v1/checkout", StoreFixture.checkout(cartId, "guest@example.com", "tok_visa"));

		assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
		String orderId = checkout.text("orderId");
		assertThat(this.store.api().get("/api/v1/orders/" + orderId).status()).isEqualTo(404);
		ApiClient.Response order = this.store.api()
			.with("X-Order-Token", checkout.text("orderToken"))
			.get("/api/v1/orders/" + orderId);
		assertThat(order.status()).as(order.toString()).isEqualTo(200);
	}

	@Test
	void declinedPaymentGivesTheStockBack() {
		String sku = this.store.product(1299, 1);
		String cartId = this.store.cartWith(this.store.api(), sku, 1);

		ApiClient.Response declined = this.store.api()
			.with("Idempotency-Key", "declined-" + sku)
			.post("/api/v1/checkout", StoreFixture.checkout(cartId, "guest@example.com", "tok_decline"));

		assertThat(declined.status()).isEqualTo(402);
		assertThat(declined.isProblem()).isTrue();
		assertThat(declined.text("type")).endsWith("/payment-declined");
		ApiClient.Response stock = this.store.admin().get("/api/v1/admin/inventory/" + sku);
		assertThat(stock.json().path("levels").get(0).path("reserved").asInt()).isZero();
	}

	@Test
	void gatewayErrorChargesNothingAndMayBeRetriedWithTheSameKey() {
		String sku = this.store.product(1299, 1);
		String cartId = this.store.cartWith(this.store.api(), sku, 1);
		ApiClient guest = this.store.api().with("Idempotency-Key", "error-" + sku);

		ApiClient.Response failed = guest.post("/api/v1/checkout",
				StoreFixture.checkout(cartId, "guest@example.com", "tok_error"));

		assertThat(failed.status()).isEqualTo(503);
		assertThat(failed.text("type")).endsWith("/payment-unavailable");
		assertThat(this.store.admin()
			.get("/api/v1/admin/inventory/" + sku)
			.json()
			.path("levels")
			.get(0)
			.path("reserved")
			.asInt()).isZero();
		ApiClient.Response retried = guest.post("/api/v1/checkout",
				StoreFixture.checkout(cartId, "guest@example.com", "tok_error"));
		assertThat(retried.status()).isEqualTo(503);
	}

}
