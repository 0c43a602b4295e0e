package io.emporium;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A store whose Redis goes away: cart and checkout calls answer 503 with Retry-After
 * instead of hanging or failing otherwise, sign-in goes on (rate limits fail open), and
 * all of it works again when Redis is back, without a restart. Redis is reached through a
 * forwarder the test opens and closes.
 */
@Tag("services")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RedisOutageTests {

	/** A failure guard only: the store gives up on Redis after about a second. */
	private static final Duration BOUND = Duration.ofSeconds(10);

	private static final int REDIS_PORT = FreePort.find();

	@LocalServerPort
	int port;

	StoreFixture store;

	@DynamicPropertySource
	static void redisBehindAForwarder(DynamicPropertyRegistry registry) {
		registry.add("EMPORIUM_REDIS_URL", () -> "redis://127.0.0.1:" + REDIS_PORT);
	}

	@BeforeEach
	void connect() {
		this.store = new StoreFixture(this.port);
	}

	@Test
	void cartAndCheckoutAnswer503WithRetryAfterWhileRedisIsDownAndWorkAgainOnceItIsBack() {
		String sku = this.store.product(1000, 5);

		ApiClient.Response cart = assertTimeoutPreemptively(BOUND, () -> this.store.api().post("/api/v1/carts", null));
		ApiClient.Response checkout = assertTimeoutPreemptively(BOUND,
				() -> this.store.api()
					.with("Idempotency-Key", UUID.randomUUID().toString())
					.post("/api/v1/checkout", StoreFixture.checkout("some-cart", "down@example.com", "tok_visa")));

		assertUnavailable(cart);
		assertUnavailable(checkout);
		try (TcpForward redis = TcpForward.open(REDIS_PORT, 6379)) {
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(this.store.api().post("/api/v1/carts", null).status()).isEqualTo(201));
			assertThat(this.store.cartWith(this.store.api(), sku, 1)).isNotBlank();
		}
	}

	@Test
	void aRedisThatGoesAwayMidwayAnswers503AndIsUsedAgainWhenItReturns() {
		String sku = this.store.product(1000, 5);
		String cart;
		try (TcpForward redis = TcpForward.open(REDIS_PORT, 6379)) {
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(this.store.api().post("/api/v1/carts", null).status()).isEqualTo(201));
			cart = this.store.cartWith(this.store.api(), sku, 1);
		}

		ApiClient.Response add = assertTimeoutPreemptively(BOUND,
				() -> this.store.api().post("/api/v1/carts/" + cart + "/items", Map.of("sku", sku, "quantity", 1)));

		assertUnavailable(add);
		try (TcpForward redis = TcpForward.open(REDIS_PORT, 6379)) {
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(this.store.api().get("/api/v1/carts/" + cart).status()).isEqualTo(200));
		}
	}

	@Test
	void customersSignInWhileRedisIsDown() {
		StoreFixture.Customer customer = assertTimeoutPreemptively(BOUND, () -> this.store.customer());

		ApiClient.Response login = this.store.api()
			.post("/api/v1/auth/login", Map.of("email", customer.email(), "password", "correct horse battery"));

		assertThat(login.status()).as(login.toString()).isEqualTo(200);
	}

	private static void assertUnavailable(ApiClient.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(503);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.text("type")).endsWith("/cart-store-unavailable");
		assertThat(response.header("Retry-After")).isEqualTo("5");
	}

}
