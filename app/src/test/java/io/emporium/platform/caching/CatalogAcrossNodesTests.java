package io.emporium.platform.caching;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import io.emporium.ApiClient;
import io.emporium.EmporiumApplication;
import io.emporium.ServicesTestDatabase;
import io.emporium.StoreFixture;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes of one store (one PostgreSQL database, one namespace on Redis and RabbitMQ),
 * read over real HTTP: what an admin changes on node A, node B serves within a second,
 * although B had it cached (in its Caffeine tier, and availability for an hour). Prints
 * the lag measured.
 */
@Tag("services")
class CatalogAcrossNodesTests {

	private static final Duration WITHIN = Duration.ofSeconds(1);

	private static ConfigurableApplicationContext nodeA;

	private static ConfigurableApplicationContext nodeB;

	private static StoreFixture onA;

	private static StoreFixture onB;

	/**
	 * Held open for the whole test: a database nobody is connected to counts as abandoned
	 * and may be dropped by another run's {@link ServicesTestDatabase#create()}.
	 */
	private static Connection holder;

	@BeforeAll
	static void startTwoNodes() throws SQLException {
		String database = "jdbc:postgresql://127.0.0.1:5432/" + ServicesTestDatabase.create();
		holder = DriverManager.getConnection(database, "postgres", "");
		String namespace = "test-" + UUID.randomUUID();
		nodeA = start(database, namespace, "a");
		nodeB = start(database, namespace, "b");
		onA = new StoreFixture(port(nodeA));
		onB = new StoreFixture(port(nodeB));
	}

	@AfterAll
	static void stopNodes() throws SQLException {
		if (nodeB != null) {
			nodeB.close();
		}
		if (nodeA != null) {
			nodeA.close();
		}
		holder.close();
	}

	@Test
	void aPriceChangedOnOneNodeIsServedByTheOtherWithinASecond() {
		String sku = onA.product(1299, 5);
		String path = "/api/v1/products/" + slugOf(sku);
		assertThat(price(onA.api().get(path))).isEqualTo(1299);
		ApiClient.Response warm = onB.api().get(path);
		assertThat(price(warm)).isEqualTo(1299);
		assertThat(price(onB.api().get(path))).isEqualTo(1299);
		String oldTag = warm.header("ETag");

		ApiClient.Response changed = onA.admin().put("/api/v1/admin/products/" + slugOf(sku), draft(sku, 999));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
		long lag = lagUntil(() -> price(onB.api().get(path)) == 999);

		System.out.printf("price changed on node A, served by node B after %d ms%n", lag);
		ApiClient.Response revalidated = onB.api().with("If-None-Match", oldTag).get(path);
		assertThat(revalidated.status()).isEqualTo(200);
		assertThat(revalidated.header("ETag")).isNotEqualTo(oldTag);
		assertThat(l2Hits(nodeB)).as("node B read the product from Redis before").isPositive();
	}

	@Test
	void aStockCountSetOnOneNodeIsServedByTheOtherWithinASecond() {
		String sku = onA.product(1299, 5);
		String path = "/api/v1/products/" + slugOf(sku);
		ApiClient.Response warm = onB.api().get(path);
		assertThat(available(warm)).isEqualTo(5);
		assertThat(available(onB.api().get(path))).isEqualTo(5);
		String oldTag = warm.header("ETag");

		ApiClient.Response counted = onA.admin()
			.put("/api/v1/admin/inventory/" + sku, Map.of("warehouse", "main", "onHand", 7));
		assertThat(counted.status()).as(counted.toString()).isEqualTo(200);
		long lag = lagUntil(() -> available(onB.api().get(path)) == 7);

		System.out.printf("stock counted on node A, served by node B after %d ms%n", lag);
		ApiClient.Response revalidated = onB.api().with("If-None-Match", oldTag).get(path);
		assertThat(revalidated.status()).isEqualTo(200);
		assertThat(revalidated.header("ETag")).isNotEqualTo(oldTag);
	}

	@Test
	void aReservationOnOneNodeIsServedByTheOtherWithinASecond() {
		String sku = onA.product(1299, 5);
		String path = "/api/v1/products/" + slugOf(sku);
		assertThat(available(onB.api().get(path))).isEqualTo(5);
		String cart = onA.cartWith(onA.api(), sku, 2);

		ApiClient.Response checkout = onA.api()
			.with("Idempotency-Key", "across-" + sku)
			.post("/api/v1/checkout", StoreFixture.checkout(cart, "guest@example.com", "tok_visa"));
		assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
		long lag = lagUntil(() -> available(onB.api().get(path)) == 3);

		System.out.printf("stock sold on node A, served by node B after %d ms%n", lag);
	}

	/** A client revalidating against either node gets 304 for what it has. */
	@Test
	void bothNodesTagAProductAlike() {
		String sku = onA.product(1299, 5);
		String path = "/api/v1/products/" + slugOf(sku);
		Map<String, String> attributes = new HashMap<>();
		for (int i = 1; i <= 12; i++) {
			attributes.put("attribute-" + i, "value " + i);
		}
		ApiClient.Response changed = onA.admin()
			.put("/api/v1/admin/products/" + slugOf(sku), draft(sku, 1299, attributes));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(200);

		String tag = onA.api().get(path).header("ETag");

		assertThat(onB.api().get(path).header("ETag")).isEqualTo(tag);
		assertThat(onB.api().with("If-None-Match", tag).get(path).status()).isEqualTo(304);
	}

	/**
	 * A node's fan-out queue goes with its RabbitMQ connection, and with it whatever was
	 * broadcast until it is back: the node must then forget its local copies.
	 */
	@Test
	void aNodeCutOffFromTheFanOutServesWhatItMissedOnceItIsBack() throws Exception {
		String sku = onA.product(1299, 5);
		String path = "/api/v1/products/" + slugOf(sku);
		assertThat(price(onB.api().get(path))).isEqualTo(1299);

		whileNodeBIsCutOff(() -> {
			ApiClient.Response changed = onA.admin().put("/api/v1/admin/products/" + slugOf(sku), draft(sku, 999));
			assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
			Thread.sleep(WITHIN.toMillis());
			assertThat(price(onB.api().get(path))).as("node B missed the change").isEqualTo(1299);
		});

		await().atMost(Duration.ofSeconds(30)).until(() -> price(onB.api().get(path)) == 999);
	}

	/** The same for availability, which each node keeps in a cache of its own. */
	@Test
	void aNodeCutOffFromTheFanOutServesTheStockCountItMissedOnceItIsBack() throws Exception {
		String sku = onA.product(1299, 5);
		String path = "/api/v1/products/" + slugOf(sku);
		assertThat(available(onB.api().get(path))).isEqualTo(5);

		whileNodeBIsCutOff(() -> {
			ApiClient.Response counted = onA.admin()
				.put("/api/v1/admin/inventory/" + sku, Map.of("warehouse", "main", "onHand", 7));
			assertThat(counted.status()).as(counted.toString()).isEqualTo(200);
			Thread.sleep(WITHIN.toMillis());
			assertThat(available(onB.api().get(path))).as("node B missed the count").isEqualTo(5);
		});

		await().atMost(Duration.ofSeconds(30)).until(() -> available(onB.api().get(path)) == 7);
	}

	/**
	 * Runs {@code meanwhile} while node B's RabbitMQ connection points at a closed port
	 * (its fan-out queue goes with the connection), then gives it the broker back.
	 */
	private static void whileNodeBIsCutOff(CutOff meanwhile) throws Exception {
		CachingConnectionFactory connections = nodeB.getBean(CachingConnectionFactory.class);
		try {
			connections.setAddresses("127.0.0.1:" + closedPort());
			connections.resetConnection();
			meanwhile.run();
		}
		finally {
			connections.setAddresses("127.0.0.1:5672");
			connections.resetConnection();
		}
	}

	@FunctionalInterface
	private interface CutOff {

		void run() throws Exception;

	}

	private static int closedPort() throws java.io.IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** Polls every 20 ms for at most a second; returns how long it took. */
	private static long lagUntil(java.util.concurrent.Callable<Boolean> condition) {
		long started = System.nanoTime();
		AtomicReference<Long> seen = new AtomicReference<>();
		await().atMost(WITHIN).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).until(() -> {
			boolean done = condition.call();
			if (done) {
				seen.set(System.nanoTime());
			}
			return done;
		});
		return Duration.ofNanos(seen.get() - started).toMillis();
	}

	private static long price(ApiClient.Response product) {
		assertThat(product.status()).as(product.toString()).isEqualTo(200);
		return product.json().path("variants").get(0).path("price").path("amount").asLong();
	}

	private static int available(ApiClient.Response product) {
		assertThat(product.status()).as(product.toString()).isEqualTo(200);
		return product.json().path("variants").get(0).path("available").asInt();
	}

	private static double l2Hits(ConfigurableApplicationContext node) {
		return node.getBean(MeterRegistry.class)
			.get("cache.gets")
			.tag("cache", "catalog.products")
			.tag("tier", "l2")
			.tag("result", "hit")
			.functionCounter()
			.count();
	}

	private static String slugOf(String sku) {
		return "test-book-" + sku.toLowerCase();
	}

	/** The product as {@link StoreFixture#product} made it, at another price. */
	private static Map<String, Object> draft(String sku, long priceCents) {
		return draft(sku, priceCents, Map.of("author", "A. Tester"));
	}

	private static Map<String, Object> draft(String sku, long priceCents, Map<String, String> attributes) {
		return Map.of("title", "Test book " + sku, "description", "A book made for a test.", "categories", List.of(),
				"attributes", attributes, "variants", List.of(Map.of("sku", sku, "title", "Paperback", "price",
						Map.of("amount", priceCents, "currency", "EUR"))));
	}

	private static ConfigurableApplicationContext start(String database, String namespace, String node) {
		return new SpringApplicationBuilder(EmporiumApplication.class).profiles("test")
			.run("--server.port=0", "--EMPORIUM_DB_URL=" + database, "--EMPORIUM_DB_USER=postgres",
					"--emporium.namespace=" + namespace,
					"--emporium.data-dir=./target/test-data/" + namespace + "-" + node,
					// Only the fan-out can explain a change seen within the test.
					"--emporium.inventory.availability-ttl=1h", "--emporium.cache.local-ttl=1h");
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

}
