package io.emporium;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.emporium.StoreFixture.Customer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two nodes on one database are one shop: what happens on one is seen on the other. */
class TwoNodeTests extends TwoNodeSupport {

	@Test
	void aCartMadeOnOneNodeIsCheckedOutOnTheOtherAndTheOrderIsSeenOnBoth() {
		String sku = this.a.product(1999, 5);
		String cartId = this.a.cartWith(this.a.api(), sku, 2);

		ApiClient.Response cartOnB = this.b.api().get("/api/v1/carts/" + cartId);
		ApiClient.Response checkout = this.b.api()
			.with("Idempotency-Key", "two-nodes-" + sku)
			.post("/api/v1/checkout", StoreFixture.checkout(cartId, "two-nodes@example.com", "tok_visa"));

		assertThat(cartOnB.status()).as(cartOnB.toString()).isEqualTo(200);
		assertThat(cartOnB.json().path("total").path("amount").asLong()).isEqualTo(3998);
		assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
		String orderId = checkout.text("orderId");
		ApiClient.Response byToken = this.a.api()
			.with("X-Order-Token", checkout.text("orderToken"))
			.get("/api/v1/orders/" + orderId);
		assertThat(byToken.status()).as(byToken.toString()).isEqualTo(200);
		assertThat(byToken.text("status")).isEqualTo("PAID");
		ApiClient.Response byAdmin = this.a.admin().get("/api/v1/admin/orders/" + orderId);
		assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(200);
	}

	@Test
	void eightCheckoutsOfOneCartOnTwoNodesAtOnceMakeOneOrderAndOneCharge() throws Exception {
		String sku = this.a.product(1200, 10);
		String cartId = this.a.cartWith(this.a.api(), sku, 2);
		String email = "two-nodes-" + sku + "@example.com";

		List<ApiClient.Response> answers = atOnce(8,
				i -> ((i % 2 == 0) ? this.a : this.b).api()
					.with("Idempotency-Key", UUID.randomUUID().toString())
					.post("/api/v1/checkout", StoreFixture.checkout(cartId, email, "tok_visa")));

		assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
		assertThat(answers).filteredOn(answer -> answer.status() != 201)
			.allSatisfy(answer -> assertThat(answer.text("type").replaceAll(".*/", "")).as(answer.toString())
				.isIn("checkout-in-progress", "cart-closed"));
		assertThat(this.b.admin().get("/api/v1/admin/orders?email=" + email).json().path("total").asInt()).isEqualTo(1);
		assertThat(this.a.payments(cartId)).hasSize(1);
		assertThat(this.b.stock(sku)).isEqualTo(new StoreFixture.Level(8, 0));
	}

	@Test
	void theSameKeyRetriedOnTheOtherNodeGetsTheFirstOrder() throws Exception {
		String sku = this.a.product(1300, 10);
		String cartId = this.a.cartWith(this.a.api(), sku, 1);
		String key = UUID.randomUUID().toString();

		List<ApiClient.Response> answers = atOnce(6, i -> ((i % 2 == 0) ? this.a : this.b).api()
			.with("Idempotency-Key", key)
			.post("/api/v1/checkout", StoreFixture.checkout(cartId, "retry-" + sku + "@example.com", "tok_visa")));

		assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(201));
		assertThat(answers.stream().map(answer -> answer.text("orderId")).distinct()).hasSize(1);
		assertThat(this.a.payments(cartId)).hasSize(1);
		assertThat(this.a.stock(sku)).isEqualTo(new StoreFixture.Level(9, 0));
	}

	@Test
	void anAdminChangeOnOneNodeShowsOnTheOther() {
		String sku = this.a.product(999, 5);
		String cartId = this.a.cartWith(this.a.api(), sku, 1);
		String orderId = this.a.api()
			.with("Idempotency-Key", "admin-change-" + sku)
			.post("/api/v1/checkout", StoreFixture.checkout(cartId, "admin-change@example.com", "tok_visa"))
			.text("orderId");

		ApiClient.Response stocked = this.a.admin()
			.put("/api/v1/admin/inventory/" + sku, Map.of("warehouse", "main", "onHand", 42));
		ApiClient.Response fulfilled = this.a.admin()
			.post("/api/v1/admin/orders/" + orderId + "/transitions", Map.of("to", "FULFILLED"));

		assertThat(stocked.status()).as(stocked.toString()).isEqualTo(200);
		assertThat(fulfilled.status()).as(fulfilled.toString()).isEqualTo(200);
		assertThat(this.b.stock(sku).onHand()).isEqualTo(42);
		assertThat(this.b.admin().get("/api/v1/admin/orders/" + orderId).text("status")).isEqualTo("FULFILLED");
	}

	@Test
	void aTokenSignedByOneNodeIsAcceptedByTheOther() {
		Customer customer = this.a.customer();

		ApiClient.Response me = this.b.api().as(Objects.requireNonNull(customer.api().bearer())).get("/api/v1/me");

		assertThat(me.status()).as(me.toString()).isEqualTo(200);
		assertThat(me.text("id")).isEqualTo(customer.id());
	}

	@Test
	void aKeyRolledInOnOneNodeSignsAndVerifiesOnTheOtherWithinSeconds() throws Exception {
		Customer before = this.b.customer();

		String kid = this.a.admin().post("/api/v1/admin/signing-keys", null).text("kid");
		Customer signedByA = this.a.customer();

		assertThat(kid(signedByA)).isEqualTo(kid);
		assertThat(this.b.api().as(bearer(signedByA)).get("/api/v1/me").status()).isEqualTo(200);
		assertThat(this.b.api().as(bearer(before)).get("/api/v1/me").status()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(kid(this.b.customer())).isEqualTo(kid));
		assertThat(JWKSet.parse(this.b.api().get("/.well-known/jwks.json").body()).getKeyByKeyId(kid)).isNotNull();
	}

	@Test
	void aNodeStartedWithAnEmptyDataFolderJoinsTheStore() {
		String sku = this.a.product(1500, 3);
		Customer fromA = this.a.customer();
		Customer fromB = this.b.customer();

		ApiClient.Response product = this.b.api().get("/api/v1/products/test-book-" + sku.toLowerCase());
		ApiClient.Response meOnB = this.b.api().as(bearer(fromA)).get("/api/v1/me");
		ApiClient.Response meOnA = this.a.api().as(bearer(fromB)).get("/api/v1/me");

		assertThat(product.status()).as(product.toString()).isEqualTo(200);
		assertThat(meOnB.status()).as(meOnB.toString()).isEqualTo(200);
		assertThat(meOnA.status()).as(meOnA.toString()).isEqualTo(200);
		assertThat(dataDir(this.nodeB)).isNotEqualTo(dataDir(this.nodeA));
		assertThat(dataDir(this.nodeB).resolve("keys")).doesNotExist();
	}

	private static String bearer(Customer customer) {
		return Objects.requireNonNull(customer.api().bearer());
	}

	private static String kid(Customer customer) throws Exception {
		return SignedJWT.parse(bearer(customer)).getHeader().getKeyID();
	}

	/** Starts every call at once on its own thread and returns every answer. */
	private static List<ApiClient.Response> atOnce(int count, IntFunction<ApiClient.Response> call) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<ApiClient.Response>> calls = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int index = i;
				calls.add(threads.submit(() -> {
					start.await();
					return call.apply(index);
				}));
			}
			start.countDown();
			List<ApiClient.Response> answers = new ArrayList<>();
			for (Future<ApiClient.Response> answer : calls) {
				answers.add(answer.get());
			}
			return answers;
		}
	}

}
