package io.emporium.checkout;

import java.util.Map;
import java.util.UUID;

import io.emporium.ApiClient;
import io.emporium.HttpTestSupport;
import io.emporium.StoreFixture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CheckoutIdempotencyTests extends HttpTestSupport {

	@Test
	void replaysTheSameResponseForTheSameKeyAndBody() {
		String sku = this.store.product(1500, 5);
		String cartId = this.store.cartWith(this.store.api(), sku, 1);
		ApiClient client = this.store.api().with("Idempotency-Key", UUID.randomUUID().toString());
		Map<String, Object> body = StoreFixture.checkout(cartId, "replay@example.com", "tok_visa");

		ApiClient.Response first = client.post("/api/v1/checkout", body);
		ApiClient.Response second = client.post("/api/v1/checkout", body);

		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
	}

	@Test
	void rejectsReusedKeyWithOtherBody() {
		String sku = this.store.product(1500, 5);
		String cartId = this.store.cartWith(this.store.api(), sku, 1);
		ApiClient client = this.store.api().with("Idempotency-Key", UUID.randomUUID().toString());
		client.post("/api/v1/checkout", StoreFixture.checkout(cartId, "first@example.com", "tok_visa"));

		ApiClient.Response reused = client.post("/api/v1/checkout",
				StoreFixture.checkout(cartId, "other@example.com", "tok_visa"));

		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.isProblem()).isTrue();
		assertThat(reused.text("type")).endsWith("/idempotency-key-reused");
	}

	@Test
	void requiresAnIdempotencyKey() {
		String sku = this.store.product(1500, 5);
		String cartId = this.store.cartWith(this.store.api(), sku, 1);

		ApiClient.Response response = this.store.api()
			.post("/api/v1/checkout", StoreFixture.checkout(cartId, "nokey@example.com", "tok_visa"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.text("type")).endsWith("/missing-parameter");
		assertThat(response.text("detail")).contains("Idempotency-Key");
	}

	@Test
	void soldOutIsAConflictAndIsReplayedAsSuch() {
		String sku = this.store.product(1500, 1);
		String first = this.store.cartWith(this.store.api(), sku, 1);
		String second = this.store.cartWith(this.store.api(), sku, 1);
		this.store.api()
			.with("Idempotency-Key", UUID.randomUUID().toString())
			.post("/api/v1/checkout", StoreFixture.checkout(first, "a@example.com", "tok_visa"));
		ApiClient late = this.store.api().with("Idempotency-Key", UUID.randomUUID().toString());

		ApiClient.Response soldOut = late.post("/api/v1/checkout",
				StoreFixture.checkout(second, "b@example.com", "tok_visa"));
		ApiClient.Response replay = late.post("/api/v1/checkout",
				StoreFixture.checkout(second, "b@example.com", "tok_visa"));

		assertThat(soldOut.status()).isEqualTo(409);
		assertThat(soldOut.text("type")).endsWith("/sold-out");
		assertThat(replay.status()).isEqualTo(409);
		assertThat(replay.body()).isEqualTo(soldOut.body());
	}

	@Test
	void aCheckedOutCartCannotBeCheckedOutAgain() {
		String sku = this.store.product(1500, 5);
		String cartId = this.store.cartWith(this.store.api(), sku, 1);
		this.store.api()
			.with("Idempotency-Key", UUID.randomUUID().toString())
			.post("/api/v1/checkout", StoreFixture.checkout(cartId, "a@example.com", "tok_visa"));

		ApiClient.Response again = this.store.api()
			.with("Idempotency-Key", UUID.randomUUID().toString())
			.post("/api/v1/checkout", StoreFixture.checkout(cartId, "a@example.com", "tok_visa"));

		assertThat(again.status()).isEqualTo(422);
		assertThat(again.text("type")).endsWith("/cart-closed");
	}

	@Test
	void completesAFreeOrderWithoutACharge() {
		String sku = this.store.product(0, 5);
		String cartId = this.store.cartWith(this.store.api(), sku, 2);

		ApiClient.Response created = this.store.api()
			.with("Idempotency-Key", UUID.randomUUID().toString())
			.post("/api/v1/checkout", StoreFixture.checkout(cartId, "free@example.com", "tok_visa"));

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().path("total").path("amount").asLong()).isZero();
		assertThat(created.text("status")).isEqualTo("PAID");
		assertThat(this.store.payments(cartId)).isEmpty();
		assertThat(this.store.stock(sku)).isEqualTo(new StoreFixture.Level(3, 0));
	}

}
