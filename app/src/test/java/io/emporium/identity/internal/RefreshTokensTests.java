package io.emporium.identity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.emporium.MovableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** Refresh tokens against the real embedded database, with a clock the test moves. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RefreshTokensTests {

	private static final Duration TTL = Duration.ofDays(30);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CustomerRepository customers;

	private final MovableClock clock = new MovableClock(Instant.parse("2026-11-27T10:00:00Z"));

	private RefreshTokens tokens;

	private UUID customer;

	@BeforeEach
	void setUp() {
		this.tokens = new RefreshTokens(this.jdbc, this.clock,
				new IdentityProperties(null, Duration.ofMinutes(15), TTL, "emporium-api",
						new IdentityProperties.RateLimits(10, 30, 5, Duration.ofMinutes(1)), Duration.ofSeconds(5),
						null));
		this.customer = UUID.randomUUID();
		this.customers.insert(this.customer, new EmailAddress(this.customer + "@example.com"), "not-a-real-hash", false,
				this.clock.instant());
	}

	@Test
	void aTokenWorksOnceUntilItExpires() {
		String token = this.tokens.issue(this.customer);

		this.clock.advance(TTL.minusMinutes(1));
		Optional<RefreshTokens.Use> first = this.tokens.use(token);
		Optional<RefreshTokens.Use> second = this.tokens.use(token);

		assertThat(first).hasValueSatisfying(use -> assertThat(use.customerId()).isEqualTo(this.customer));
		assertThat(second).isEmpty();
	}

	@Test
	void anExpiredTokenIsRefused() {
		String token = this.tokens.issue(this.customer);

		this.clock.advance(TTL.plusSeconds(1));

		assertThat(this.tokens.use(token)).isEmpty();
	}

	@Test
	void onlyTheTokenHashIsStored() {
		String token = this.tokens.issue(this.customer);

		List<String> stored = this.jdbc.sql("select token_hash from identity_refresh_token where customer_id = :id")
			.param("id", this.customer)
			.query(String.class)
			.list();

		assertThat(stored).singleElement().satisfies(hash -> assertThat(hash).hasSize(64).isNotEqualTo(token));
	}

	@Test
	void cleanupDeletesOnlyExpiredTokens() {
		String old = this.tokens.issue(this.customer);
		this.clock.advance(TTL.plusSeconds(1));
		String fresh = this.tokens.issue(this.customer);

		this.tokens.deleteExpired();

		assertThat(this.tokens.use(old)).isEmpty();
		assertThat(this.tokens.use(fresh)).isPresent();
	}

	@Test
	void concurrentUsesOfOneTokenHaveExactlyOneWinner() throws Exception {
		String token = this.tokens.issue(this.customer);
		int threads = 8;
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<Boolean>> attempts = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			attempts.add(() -> {
				start.await();
				return this.tokens.use(token).isPresent();
			});
		}

		List<Boolean> wins = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
			List<Future<Boolean>> results = new ArrayList<>();
			for (Callable<Boolean> attempt : attempts) {
				results.add(pool.submit(attempt));
			}
			start.countDown();
			for (Future<Boolean> result : results) {
				wins.add(result.get());
			}
		}

		assertThat(wins).containsOnlyOnce(true);
	}

}
