package io.emporium;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kills an embedded store with SIGKILL while shoppers check out, starts it again on the
 * same data and holds it to every 201 it sent: the order is there and paid, its payment
 * is stored, its stock has left the shelf, and its Idempotency-Key still answers with the
 * same order.
 */
class CrashDurabilityTests {

	private static final Pattern READY = Pattern.compile("Emporium ready on http://localhost:(\\d+)");

	private static final String ADMIN_EMAIL = "admin@emporium.local";

	// Not the demo password: a store that is not the demo must not depend on it.
	private static final String ADMIN_PASSWORD = "crash-" + UUID.randomUUID();

	private static final int ON_HAND = 1_000_000;

	private static final long PRICE = 999;

	private static final int BUYERS = 8;

	@Test
	void keepsEveryAcknowledgedOrderWhenKilledDuringCheckouts() throws Exception {
		Path dataDir = Path.of("target", "crash-" + UUID.randomUUID()).toAbsolutePath();
		Files.createDirectories(dataDir);
		Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
		AtomicInteger attempted = new AtomicInteger();
		String sku;
		try (Child first = Child.start(dataDir, "first")) {
			ApiClient api = new ApiClient(first.port());
			sku = product(admin(api));
			AtomicBoolean stop = new AtomicBoolean();
			try (ExecutorService buyers = Executors.newVirtualThreadPerTaskExecutor()) {
				for (int i = 0; i < BUYERS; i++) {
					buyers.submit(() -> buy(api, sku, stop, attempted, acknowledged));
				}
				await().pollDelay(Duration.ofSeconds(2))
					.atMost(Duration.ofMinutes(2))
					.until(() -> acknowledged.size() >= 100);

				first.kill();
				stop.set(true);
			}
		}
		assertThat(acknowledged).isNotEmpty();

		try (Child second = Child.start(dataDir, "second")) {
			ApiClient api = new ApiClient(second.port());
			List<String> lost = new ArrayList<>();
			for (Acknowledged order : acknowledged) {
				ApiClient.Response read = api.with("X-Order-Token", order.orderToken())
					.get("/api/v1/orders/" + order.orderId());
				if (read.status() != 200 || !"PAID".equals(read.text("status"))) {
					lost.add(order.orderId() + " -> " + read.status());
				}
			}
			assertThat(lost).as("acknowledged orders (of %d) not there and paid after the restart", acknowledged.size())
				.isEmpty();

			List<String> replayedOtherwise = new ArrayList<>();
			for (Acknowledged order : acknowledged) {
				ApiClient.Response replay = api.with("Idempotency-Key", order.key())
					.post("/api/v1/checkout", StoreFixture.checkout(order.cartId(), order.email(), "tok_visa"));
				if (replay.status() != 201 || !order.orderId().equals(replay.text("orderId"))) {
					replayedOtherwise.add(order.key() + " -> " + replay);
				}
			}
			assertThat(replayedOtherwise).as("Idempotency-Keys that no longer answer with their order").isEmpty();

			ApiClient.Response stock = admin(api).get("/api/v1/admin/inventory/" + sku);
			int onHand = stock.json().path("levels").get(0).path("onHand").asInt();
			int reserved = stock.json().path("levels").get(0).path("reserved").asInt();
			assertThat(ON_HAND - onHand).as("units shipped out of stock").isGreaterThanOrEqualTo(acknowledged.size());
			assertThat(ON_HAND - onHand + reserved).as("units sold or held").isLessThanOrEqualTo(attempted.get());
			second.stop();
		}

		assertThat(payments(dataDir, acknowledged)).as("stored authorized payments of the acknowledged orders")
			.isEqualTo(acknowledged.size());
	}

	/** Buys one unit at a time until told to stop or the store goes away. */
	private static void buy(ApiClient api, String sku, AtomicBoolean stop, AtomicInteger attempted,
			Queue<Acknowledged> acknowledged) {
		String email = "crash-" + UUID.randomUUID() + "@example.com";
		try {
			while (!stop.get()) {
				String cartId = api.post("/api/v1/carts", null).text("id");
				api.post("/api/v1/carts/" + cartId + "/items", Map.of("sku", sku, "quantity", 1));
				String key = "crash-" + UUID.randomUUID();
				attempted.incrementAndGet();
				ApiClient.Response answer = api.with("Idempotency-Key", key)
					.post("/api/v1/checkout", StoreFixture.checkout(cartId, email, "tok_visa"));
				if (answer.status() == 201) {
					acknowledged
						.add(new Acknowledged(answer.text("orderId"), answer.text("orderToken"), key, cartId, email));
				}
			}
		}
		catch (IllegalStateException ex) {
			// The store was killed under this buyer: what it acknowledged before is what
			// counts.
		}
	}

	private static ApiClient admin(ApiClient api) {
		ApiClient.Response login = api.post("/api/v1/auth/login",
				Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
		assertThat(login.status()).as(login.toString()).isEqualTo(200);
		return api.as(login.text("accessToken"));
	}

	private static String product(ApiClient admin) {
		String sku = "CRASH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		ApiClient.Response created = admin.post("/api/v1/admin/products",
				Map.of("title", "Crash book " + sku, "slug", "crash-book-" + sku.toLowerCase(), "description",
						"A book sold while the store dies.", "categories", List.of(), "attributes",
						Map.of("author", "A. Tester"), "variants", List.of(Map.of("sku", sku, "title", "Paperback",
								"price", Map.of("amount", PRICE, "currency", "EUR")))));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		ApiClient.Response stocked = admin.put("/api/v1/admin/inventory/" + sku,
				Map.of("warehouse", "main", "onHand", ON_HAND));
		assertThat(stocked.status()).as(stocked.toString()).isEqualTo(200);
		return sku;
	}

	/**
	 * Counts the acknowledged orders whose payment is stored, authorized or captured, for
	 * their total, reading the database file of the stopped store (payments have no API
	 * of their own).
	 */
	private static int payments(Path dataDir, Iterable<Acknowledged> acknowledged) throws SQLException {
		String url = "jdbc:h2:file:" + dataDir.resolve("emporium") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
		int found = 0;
		try (Connection db = DriverManager.getConnection(url, "sa", "");
				PreparedStatement query = db.prepareStatement("""
						select count(*) from orders_order o join payments_payment p on p.id = o.payment_id
						where o.id = ? and p.status in ('AUTHORIZED', 'CAPTURED') and p.amount = ?""")) {
			for (Acknowledged order : acknowledged) {
				query.setObject(1, UUID.fromString(order.orderId()));
				query.setLong(2, PRICE);
				try (ResultSet rows = query.executeQuery()) {
					rows.next();
					found += rows.getInt(1);
				}
			}
		}
		return found;
	}

	record Acknowledged(String orderId, String orderToken, String key, String cartId, String email) {
	}

	/**
	 * The store in a JVM of its own, started from the test classpath; closing it kills it
	 * if it is still alive, so no JVM outlives the test.
	 */
	record Child(Process process, Path log, int port) implements AutoCloseable {

		static Child start(Path dataDir, String name) throws IOException {
			Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + name + ".log");
			String java = ProcessHandle.current().info().command().orElse("java");
			Process process = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1",
					"-cp", System.getProperty("java.class.path"), "io.emporium.EmporiumApplication", "--server.port=0",
					"--emporium.data-dir=" + dataDir, "--emporium.demo.enabled=false",
					"--emporium.admin.email=" + ADMIN_EMAIL, "--emporium.admin.password=" + ADMIN_PASSWORD)
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			try {
				await().atMost(Duration.ofMinutes(3))
					.pollInterval(Duration.ofMillis(200))
					.until(() -> readyPort(log).isPresent() || !process.isAlive());
				assertThat(process.isAlive()).as("%s store exited during start-up, see %s", name, log).isTrue();
				return new Child(process, log, readyPort(log).orElseThrow());
			}
			catch (RuntimeException | Error ex) {
				process.destroyForcibly();
				throw ex;
			}
		}

		private static Optional<Integer> readyPort(Path log) throws IOException {
			Matcher ready = READY.matcher(Files.readString(log));
			return ready.find() ? Optional.of(Integer.parseInt(ready.group(1))) : Optional.empty();
		}

		/** SIGKILL on Linux: no shutdown hook, no last flush. */
		void kill() throws InterruptedException {
			this.process.destroyForcibly().waitFor();
		}

		/** SIGTERM: a graceful shutdown that closes the database. */
		void stop() throws InterruptedException {
			this.process.destroy();
			this.process.waitFor();
		}

		@Override
		public void close() throws InterruptedException {
			if (this.process.isAlive()) {
				kill();
			}
		}

	}

}
