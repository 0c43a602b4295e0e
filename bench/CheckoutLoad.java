import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load client of bench/checkout.sh, run as a single source file (java CheckoutLoad.java).
 * Each of CONCURRENCY virtual threads repeats the real purchase: create a cart, add one unit of
 * the SKU, POST /api/v1/checkout with a fresh Idempotency-Key. Only the checkout request is
 * timed. Several stores may be named; they take turns, so that rounds of a change and of its
 * baseline alternate on a shared machine.
 *
 * <pre>
 * seed BASE ADMIN_EMAIL ADMIN_PASSWORD ON_HAND      prints the SKU of a new product with that stock
 * run CONCURRENCY WARMUP_S DURATION_S ROUNDS LABEL BASE SKU [LABEL BASE SKU]...
 *     prints per round and store: RESULT label round orders orders/s p50 p95 p99 (ms) non-201 failed
 * </pre>
 */
public class CheckoutLoad {

	private static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

	private static final Pattern ACCESS_TOKEN = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"");

	private static final String CHECKOUT_BODY = """
			{"cartId":"%s","email":"bench@example.com","payment":{"token":"tok_visa"},
			 "shippingAddress":{"name":"Ada","line1":"1 Main St","city":"Berlin","postalCode":"10115","country":"DE"}}""";

	record Target(String label, String base, String sku) {
	}

	/** What one phase of load on one store produced. */
	record Phase(long orders, long non201, long failed, long[] latenciesMicros, double seconds) {

		double perSecond() {
			return this.orders / this.seconds;
		}

		double percentileMillis(double p) {
			if (this.latenciesMicros.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.ceil(p / 100 * this.latenciesMicros.length) - 1;
			return this.latenciesMicros[Math.max(0, index)] / 1000.0;
		}

	}

	public static void main(String[] args) throws Exception {
		switch (args[0]) {
			case "seed" -> System.out.println(seed(args[1], args[2], args[3], Integer.parseInt(args[4])));
			case "run" -> run(args);
			default -> throw new IllegalArgumentException("seed or run, not " + args[0]);
		}
	}

	static String seed(String base, String email, String password, int onHand) throws Exception {
		HttpResponse<String> login = send(base, "POST", "/api/v1/auth/login", null,
				"{\"email\":\"%s\",\"password\":\"%s\"}".formatted(email, password));
		expect(login, 200);
		String token = find(ACCESS_TOKEN, login.body());
		String sku = "BENCH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		String product = """
				{"title":"Benchmark book %1$s","slug":"benchmark-book-%2$s","description":"Sold by bench/checkout.sh.",
				 "categories":[],"attributes":{"author":"A. Bench"},
				 "variants":[{"sku":"%1$s","title":"Paperback","price":{"amount":1299,"currency":"EUR"}}]}"""
			.formatted(sku, sku.toLowerCase());
		expect(send(base, "POST", "/api/v1/admin/products", token, product), 201);
		expect(send(base, "PUT", "/api/v1/admin/inventory/" + sku, token,
				"{\"warehouse\":\"main\",\"onHand\":%d}".formatted(onHand)), 200);
		return sku;
	}

	static void run(String[] args) throws Exception {
		int concurrency = Integer.parseInt(args[1]);
		int warmup = Integer.parseInt(args[2]);
		int duration = Integer.parseInt(args[3]);
		int rounds = Integer.parseInt(args[4]);
		List<Target> targets = new ArrayList<>();
		for (int i = 5; i + 2 < args.length; i += 3) {
			targets.add(new Target(args[i], args[i + 1], args[i + 2]));
		}
		for (Target target : targets) {
			System.err.printf("== warming up %s for %d s%n", target.label(), warmup);
			load(target, concurrency, warmup);
		}
		for (int round = 1; round <= rounds; round++) {
			for (Target target : targets) {
				System.err.printf("== round %d of %d: %s for %d s%n", round, rounds, target.label(), duration);
				Phase phase = load(target, concurrency, duration);
				System.out.printf("RESULT %s %d %d %.1f %.2f %.2f %.2f %d %d%n", target.label(), round, phase.orders(),
						phase.perSecond(), phase.percentileMillis(50), phase.percentileMillis(95),
						phase.percentileMillis(99), phase.non201(), phase.failed());
			}
		}
	}

	/** Buys from CONCURRENCY threads until the deadline; counts what answered before it. */
	static Phase load(Target target, int concurrency, int seconds) throws Exception {
		long started = System.nanoTime();
		long deadline = started + seconds * 1_000_000_000L;
		List<Future<Phase>> workers = new ArrayList<>();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < concurrency; i++) {
				workers.add(threads.submit(() -> buy(target, deadline)));
			}
		}
		long orders = 0;
		long non201 = 0;
		long failed = 0;
		List<long[]> latencies = new ArrayList<>();
		for (Future<Phase> worker : workers) {
			Phase phase = worker.get();
			orders += phase.orders();
			non201 += phase.non201();
			failed += phase.failed();
			latencies.add(phase.latenciesMicros());
		}
		long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		return new Phase(orders, non201, failed, all, seconds);
	}

	static Phase buy(Target target, long deadline) {
		long orders = 0;
		long non201 = 0;
		long failed = 0;
		long[] latencies = new long[1024];
		int count = 0;
		while (System.nanoTime() < deadline) {
			try {
				HttpResponse<String> cart = send(target.base(), "POST", "/api/v1/carts", null, null);
				if (cart.statusCode() != 201 && cart.statusCode() != 200) {
					failed++;
					continue;
				}
				String cartId = find(ID, cart.body());
				HttpResponse<String> added = send(target.base(), "POST", "/api/v1/carts/" + cartId + "/items", null,
						"{\"sku\":\"%s\",\"quantity\":1}".formatted(target.sku()));
				if (added.statusCode() != 200) {
					failed++;
					continue;
				}
				HttpRequest checkout = request(target.base(), "POST", "/api/v1/checkout", null,
						CHECKOUT_BODY.formatted(cartId))
					.header("Idempotency-Key", UUID.randomUUID().toString())
					.build();
				long sent = System.nanoTime();
				HttpResponse<String> answer = http.send(checkout, HttpResponse.BodyHandlers.ofString());
				long answered = System.nanoTime();
				if (answered > deadline) {
					break;
				}
				if (count == latencies.length) {
					latencies = Arrays.copyOf(latencies, count * 2);
				}
				latencies[count++] = (answered - sent) / 1000;
				if (answer.statusCode() == 201) {
					orders++;
				}
				else {
					non201++;
				}
			}
			catch (IOException ex) {
				failed++;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		return new Phase(orders, non201, failed, Arrays.copyOf(latencies, count), 0);
	}

	static HttpResponse<String> send(String base, String method, String path, String bearer, String body)
			throws IOException, InterruptedException {
		return http.send(request(base, method, path, bearer, body).build(), HttpResponse.BodyHandlers.ofString());
	}

	static HttpRequest.Builder request(String base, String method, String path, String bearer, String body) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.method(method, (body == null) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(body));
		if (bearer != null) {
			builder.header("Authorization", "Bearer " + bearer);
		}
		return builder;
	}

	static void expect(HttpResponse<String> response, int status) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
					+ response.statusCode() + ": " + response.body());
		}
	}

	static String find(Pattern pattern, String body) {
		Matcher matcher = pattern.matcher(body);
		if (!matcher.find()) {
			throw new IllegalStateException("not found in " + body);
		}
		return matcher.group(1);
	}

}
