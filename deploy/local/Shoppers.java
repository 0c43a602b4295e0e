import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load client for the chaos and cluster benchmarks, run as a single-file program:
 *
 * <pre>
 * java deploy/local/Shoppers.java steady BASE_URL SLUG SKU SHOPPERS SECONDS OUT_DIR
 * java deploy/local/Shoppers.java flash  BASE_URL SKU BUYERS CONCURRENCY OUT_DIR
 * </pre>
 *
 * A shopper reads a product, makes a cart, adds the SKU and checks out with an
 * Idempotency-Key; on an error or a timeout it retries the same step, and the checkout with
 * the SAME key, until it gets a definitive answer (201, 402, 404 cart gone, 409 sold-out,
 * 422). Every tenth acknowledged order is asked for again with its key, which must return
 * the same order. Like a browser, the HTTP client sends a request once more on a new
 * connection when the kept-alive one it chose turns out to have been closed before any
 * answer (a load balancer reloading closes idle connections), POSTs included
 * (jdk.httpclient.enableAllMethodRetry). Writes OUT_DIR/orders.txt (order id and key of
 * every acknowledged order), OUT_DIR/failures.txt (epoch ms, step, status of every failed
 * request, 0 = no answer with the exception's name) and prints key=value totals. In steady
 * mode a file OUT_DIR/stop ends the run early.
 */
public class Shoppers {

	static final Duration TIMEOUT = Duration.ofSeconds(5);

	static final Pattern ORDER_ID = Pattern.compile("\"orderId\"\\s*:\\s*\"([^\"]+)\"");

	static final Pattern CART_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

	static final String CHECKOUT_BODY = """
			{"cartId":"%s","email":"shopper@example.com","payment":{"token":"tok_visa"},\
			"shippingAddress":{"name":"Ada","line1":"1 Main St","city":"Berlin","postalCode":"10115","country":"DE"}}""";

	static {
		System.setProperty("jdk.httpclient.enableAllMethodRetry", "true");
	}

	final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.executor(Executors.newVirtualThreadPerTaskExecutor())
		.build();

	final String base;

	final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

	final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

	final ConcurrentLinkedQueue<String> orders = new ConcurrentLinkedQueue<>();

	final AtomicLong maxMillis = new AtomicLong();

	volatile long deadline = Long.MAX_VALUE;

	Shoppers(String base) {
		this.base = base;
	}

	public static void main(String[] args) throws Exception {
		if (args.length < 1 || !(args[0].equals("steady") && args.length == 7)
				&& !(args[0].equals("flash") && args.length == 6)
				&& !(args[0].equals("checkouts") && args.length == 7)) {
			System.err.println("usage: java Shoppers.java steady    BASE_URL SLUG SKU SHOPPERS SECONDS OUT_DIR");
			System.err.println("       java Shoppers.java flash     BASE_URL SKU BUYERS CONCURRENCY OUT_DIR");
			System.err.println("       java Shoppers.java checkouts BASE_URL SKU CARTS RATE CONCURRENCY OUT_DIR");
			System.exit(2);
		}
		Shoppers shoppers = new Shoppers(args[1]);
		Path out;
		if (args[0].equals("checkouts")) {
			out = Path.of(args[6]);
			shoppers.checkouts(args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
					Integer.parseInt(args[5]));
		}
		else if (args[0].equals("steady")) {
			out = Path.of(args[6]);
			shoppers.steady(args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]), out);
		}
		else {
			out = Path.of(args[5]);
			shoppers.flash(args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]));
		}
		shoppers.write(out);
	}

	void steady(String slug, String sku, int shoppers, int seconds, Path out) throws InterruptedException {
		long started = System.currentTimeMillis();
		this.deadline = started + seconds * 1000L;
		// A file named "stop" in the output folder ends the run early, as if its time were up.
		Thread.ofVirtual().start(() -> {
			while (System.currentTimeMillis() < this.deadline) {
				if (Files.exists(out.resolve("stop"))) {
					this.deadline = System.currentTimeMillis();
				}
				pause(new Answer(0, "", null));
			}
		});
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < shoppers; i++) {
			threads.add(Thread.ofVirtual().start(() -> {
				while (System.currentTimeMillis() < this.deadline) {
					shop(slug, sku);
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		count("elapsed_ms", System.currentTimeMillis() - started);
	}

	/** One purchase; steps that fail are retried until they answer or the run is over. */
	void shop(String slug, String sku) {
		call("catalog", "GET", "/api/v1/products/" + slug, null, null);
		Optional<String> cart = untilAnswered("cart", () -> call("cart", "POST", "/api/v1/carts", "", null))
			.flatMap(body -> find(CART_ID, body));
		if (cart.isEmpty()) {
			return;
		}
		String item = "{\"sku\":\"" + sku + "\",\"quantity\":1}";
		if (untilAnswered("add", () -> call("add", "POST", "/api/v1/carts/" + cart.get() + "/items", item, null))
			.isEmpty()) {
			return;
		}
		checkout(cart.get(), true);
	}

	void checkout(String cartId, boolean replaySome) {
		String key = UUID.randomUUID().toString();
		String body = CHECKOUT_BODY.formatted(cartId);
		boolean retried = false;
		while (true) {
			Answer answer = call("checkout", "POST", "/api/v1/checkout", body, key);
			if (answer.status == 201) {
				String orderId = find(ORDER_ID, answer.body).orElse("?");
				this.orders.add(orderId + " " + key);
				count("checkout_acknowledged", 1);
				if (retried) {
					count("checkout_acknowledged_after_retry", 1);
				}
				if (replaySome && Math.floorMod(key.hashCode(), 10) == 0) {
					Answer replay = call("replay", "POST", "/api/v1/checkout", body, key);
					count("replays", 1);
					if (replay.status != 201 || !orderId.equals(find(ORDER_ID, replay.body).orElse(""))) {
						count("replay_mismatch", 1);
					}
				}
				return;
			}
			if (answer.status == 402 || answer.status == 404 || answer.status == 422
					|| (answer.status == 409 && answer.body.contains("sold-out"))) {
				count("checkout_definitive_" + answer.status, 1);
				return;
			}
			if (System.currentTimeMillis() - 60_000 > this.deadline) {
				count("checkout_unfinished", 1);
				return;
			}
			retried = true;
			count("checkout_retries", 1);
			pause(answer);
		}
	}

	void flash(String sku, int buyers, int concurrency) throws InterruptedException {
		Semaphore permits = new Semaphore(concurrency);
		List<String> carts = prepareCarts(sku, buyers, concurrency);
		List<Thread> threads = new ArrayList<>();
		long started = System.currentTimeMillis();
		for (String cart : carts) {
			threads.add(Thread.ofVirtual().start(() -> {
				permits.acquireUninterruptibly();
				try {
					checkout(cart, false);
				}
				finally {
					permits.release();
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		count("checkout_phase_ms", System.currentTimeMillis() - started);
	}

	/**
	 * Benchmark: makes CARTS carts with the SKU, then checks them out once each (no retry),
	 * either paced at RATE per second (open loop) or, with RATE 0, by CONCURRENCY callers as
	 * fast as they are answered; reports checkouts per second and latency percentiles.
	 */
	void checkouts(String sku, int carts, int rate, int concurrency) throws InterruptedException {
		List<String> ready = prepareCarts(sku, carts, concurrency);
		ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
		ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(ready);
		List<Thread> threads = new ArrayList<>();
		long started = System.nanoTime();
		Runnable one = () -> {
			String cart = queue.poll();
			if (cart == null) {
				return;
			}
			long t0 = System.nanoTime();
			Answer answer = call("checkout", "POST", "/api/v1/checkout", CHECKOUT_BODY.formatted(cart),
					UUID.randomUUID().toString());
			micros.add((System.nanoTime() - t0) / 1000);
			count("checkout_" + answer.status, 1);
		};
		if (rate > 0) {
			for (int i = 0; i < ready.size(); i++) {
				long due = started + i * 1_000_000_000L / rate;
				long wait = due - System.nanoTime();
				if (wait > 0) {
					Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
				}
				threads.add(Thread.ofVirtual().start(one));
			}
		}
		else {
			for (int i = 0; i < concurrency; i++) {
				threads.add(Thread.ofVirtual().start(() -> {
					while (!queue.isEmpty()) {
						one.run();
					}
				}));
			}
		}
		for (Thread thread : threads) {
			thread.join();
		}
		long elapsed = (System.nanoTime() - started) / 1_000_000;
		List<Long> sorted = new ArrayList<>(micros);
		sorted.sort(null);
		count("checkouts", sorted.size());
		count("elapsed_ms", elapsed);
		count("per_second", elapsed > 0 ? sorted.size() * 1000L / elapsed : 0);
		for (int p : new int[] { 50, 95, 99 }) {
			count("p" + p + "_us", sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)));
		}
		count("max_us", sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1));
	}

	List<String> prepareCarts(String sku, int carts, int concurrency) throws InterruptedException {
		Semaphore permits = new Semaphore(concurrency);
		String item = "{\"sku\":\"" + sku + "\",\"quantity\":1}";
		List<Thread> threads = new ArrayList<>();
		ConcurrentLinkedQueue<String> ready = new ConcurrentLinkedQueue<>();
		for (int i = 0; i < carts; i++) {
			threads.add(Thread.ofVirtual().start(() -> {
				permits.acquireUninterruptibly();
				try {
					untilAnswered("cart", () -> call("cart", "POST", "/api/v1/carts", "", null))
						.flatMap(body -> find(CART_ID, body))
						.filter(cart -> addOnce(cart, sku, item))
						.ifPresent(ready::add);
				}
				finally {
					permits.release();
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		count("carts_ready", ready.size());
		return new ArrayList<>(ready);
	}

	/**
	 * Adds the item to the cart once: an add that got no answer may have been done, so the
	 * cart is read before it is sent again (as a shopper's page shows the cart), and a cart
	 * never ends with the SKU twice.
	 */
	boolean addOnce(String cart, String sku, String item) {
		while (true) {
			Answer answer = call("add", "POST", "/api/v1/carts/" + cart + "/items", item, null);
			if (answer.status >= 200 && answer.status < 300) {
				return true;
			}
			if (answer.status >= 400 && answer.status < 500 && answer.status != 409 && answer.status != 429) {
				return false;
			}
			if (System.currentTimeMillis() > this.deadline) {
				count("add_unfinished", 1);
				return false;
			}
			pause(answer);
			Optional<String> current = untilAnswered("cart", () -> call("cart", "GET", "/api/v1/carts/" + cart, null, null));
			if (current.isEmpty()) {
				return false;
			}
			if (current.get().contains("\"sku\":\"" + sku + "\"")) {
				return true;
			}
		}
	}

	Optional<String> untilAnswered(String step, Request request) {
		while (true) {
			Answer answer = request.send();
			if (answer.status >= 200 && answer.status < 300) {
				return Optional.of(answer.body);
			}
			if (answer.status >= 400 && answer.status < 500 && answer.status != 409 && answer.status != 429) {
				return Optional.empty();
			}
			if (System.currentTimeMillis() > this.deadline) {
				count(step + "_unfinished", 1);
				return Optional.empty();
			}
			pause(answer);
		}
	}

	Answer call(String step, String method, String path, String body, String key) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(TIMEOUT)
			.header("Accept", "application/json, application/problem+json");
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		request.method(method, (body == null) ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(body));
		long started = System.nanoTime();
		Answer answer;
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			answer = new Answer(response.statusCode(), response.body(),
					response.headers().firstValue("Retry-After").orElse(null));
		}
		catch (IOException ex) {
			answer = new Answer(0, ex.getClass().getSimpleName(), null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		this.maxMillis.accumulateAndGet(millis, Math::max);
		count("requests", 1);
		count(step + "_requests", 1);
		if (millis > 5000) {
			count(step + "_over_5s", 1);
		}
		boolean ok = answer.status >= 200 && answer.status < 300
				|| step.equals("checkout") && (answer.status == 402 || answer.status == 409 && answer.body.contains("sold-out"));
		if (!ok) {
			count(step + "_failed_" + answer.status, 1);
			this.failures.add(System.currentTimeMillis() + " " + step + " " + answer.status
					+ (answer.retryAfter != null ? " retry-after=" + answer.retryAfter : "")
					+ (answer.status == 0 ? " " + answer.body : ""));
		}
		return answer;
	}

	void pause(Answer answer) {
		long millis = 200;
		if (answer.retryAfter != null && answer.retryAfter.matches("\\d+")) {
			millis = Math.min(2000, Long.parseLong(answer.retryAfter) * 1000);
		}
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	void count(String name, long amount) {
		this.counts.computeIfAbsent(name, n -> new LongAdder()).add(amount);
	}

	static Optional<String> find(Pattern pattern, String body) {
		Matcher matcher = pattern.matcher(body);
		return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
	}

	void write(Path out) throws IOException {
		Files.createDirectories(out);
		Files.write(out.resolve("orders.txt"), new ArrayList<>(this.orders));
		Files.write(out.resolve("failures.txt"), new ArrayList<>(this.failures));
		Map<String, Long> totals = new TreeMap<>();
		this.counts.forEach((name, adder) -> totals.put(name, adder.sum()));
		totals.put("max_request_ms", this.maxMillis.get());
		try (PrintWriter writer = new PrintWriter(Files.newBufferedWriter(out.resolve("totals.txt")))) {
			totals.forEach((name, value) -> {
				writer.println(name + "=" + value);
				System.out.println(name + "=" + value);
			});
		}
	}

	interface Request {

		Answer send();

	}

	record Answer(int status, String body, String retryAfter) {
	}

}
