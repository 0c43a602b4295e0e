package io.emporium;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Nobody reads or changes another person's cart or order. */
class OwnershipTests extends HttpTestSupport {

	@Test
	void customerCannotReadOrChangeAnotherCustomersCart() {
		String sku = this.store.product(1000, 10);
		StoreFixture.Customer alice = this.store.customer();
		StoreFixture.Customer bob = this.store.customer();
		String alicesCart = this.store.cartWith(alice.api(), sku, 1);

		assertThat(alice.api().get("/api/v1/carts/" + alicesCart).status()).isEqualTo(200);
		assertThat(bob.api().get("/api/v1/carts/" + alicesCart).status()).isEqualTo(404);
		assertThat(this.store.api().get("/api/v1/carts/" + alicesCart).status()).isEqualTo(404);
		assertThat(bob.api().post("/api/v1/carts/" + alicesCart + "/items", Map.of("sku", sku, "quantity", 1)).status())
			.isEqualTo(404);
		assertThat(bob.api().post("/api/v1/carts/" + alicesCart + "/claim", null).status()).isEqualTo(404);
	}

	@Test
	void customerCannotReadAnotherCustomersOrder() {
		String sku = this.store.product(1000, 10);
		StoreFixture.Customer alice = this.store.customer();
		StoreFixture.Customer bob = this.store.customer();
		String cart = this.store.cartWith(alice.api(), sku, 1);
		ApiClient.Response placed = alice.api()
			.with("Idempotency-Key", UUID.randomUUID().toString())
			.post("/api/v1/checkout", StoreFixture.checkout(cart, alice.email(), "tok_visa"));
		String orderId = placed.text("orderId");

		assertThat(alice.api().get("/api/v1/orders/" + orderId).status()).isEqualTo(200);
		assertThat(bob.api().get("/api/v1/orders/" + orderId).status()).isEqualTo(404);
		assertThat(this.store.api().get("/api/v1/orders/" + orderId).status()).isEqualTo(404);
		assertThat(bob.api().get("/api/v1/me/orders").json().path("total").asInt()).isZero();
		assertThat(this.store.admin().get("/api/v1/orders/" + orderId).status()).isEqualTo(200);
	}

	@Test
	void guestCannotCheckOutACustomersCart() {
		String sku = this.store.product(1000, 10);
		StoreFixture.Customer alice = this.store.customer();
		String cart = this.store.cartWith(alice.api(), sku, 1);

		ApiClient.Response response = this.store.api()
			.with("Idempotency-Key", UUID.randomUUID().toString())
			.post("/api/v1/checkout", StoreFixture.checkout(cart, "thief@example.com", "tok_visa"));

		assertThat(response.status()).isEqualTo(404);
	}

	@Test
	void customersCannotUseTheAdminApi() {
		StoreFixture.Customer alice = this.store.customer();

		assertThat(alice.api().get("/api/v1/admin/orders").status()).isEqualTo(403);
		assertThat(this.store.api().get("/api/v1/admin/orders").status()).isEqualTo(401);
	}

}
