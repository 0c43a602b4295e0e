package io.emporium.cart.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.emporium.cart.CheckoutClaim;
import io.emporium.platform.RedisNamespace;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis adapter on the local Redis (127.0.0.1:6379), each test under keys of its own:
 * the contract, the TTLs, and the close that waits for the order's commit.
 */
@Tag("services")
class RedisCartStoreTests extends CartStoreContract {

	private static LettuceConnectionFactory connections;

	private static StringRedisTemplate redis;

	private final String prefix = "test-" + UUID.randomUUID() + ":";

	private final List<Object> published = new CopyOnWriteArrayList<>();

	@BeforeAll
	static void connect() {
		connections = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
		connections.afterPropertiesSet();
		connections.start();
		redis = new StringRedisTemplate(connections);
	}

	@AfterAll
	static void disconnect() {
		connections.destroy();
	}

	@AfterEach
	void removeKeys() {
		redis.delete(redis.keys(this.prefix + "*"));
	}

	@Override
	CartStore store(CartProperties properties) {
		return new RedisCartStore(redis, properties, new RedisNamespace(this.prefix), this.published::add);
	}

	@Test
	void keepsGuestCartsForTheGuestTtlAndCustomerCartsForTheCustomerTtl() {
		String guest = guestCart();
		UUID customer = UUID.randomUUID();
		String own = UUID.randomUUID().toString();

		this.store.create(own, customer, NOW);

		assertThat(ttl("cart:" + guest)).isBetween(Duration.ofDays(7).minusMinutes(1), Duration.ofDays(7));
		assertThat(ttl("cart:" + own)).isBetween(Duration.ofDays(30).minusMinutes(1), Duration.ofDays(30));
		assertThat(ttl("cart-of:" + customer)).isBetween(Duration.ofDays(30).minusMinutes(1), Duration.ofDays(30));
	}

	@Test
	void refreshesTheTtlOnEveryChange() {
		String cart = guestCart();
		redis.expire(this.prefix + "cart:" + cart, Duration.ofMinutes(1));

		this.store.add(cart, "SKU-A", 1, 100, UUID.randomUUID(), NOW);

		assertThat(ttl("cart:" + cart)).isGreaterThan(Duration.ofDays(6));
	}

	@Test
	void aGuestCartGivenToACustomerLivesAsLongAsACustomersCart() {
		String cart = guestCart();

		this.store.assign(cart, UUID.randomUUID(), NOW);

		assertThat(ttl("cart:" + cart)).isGreaterThan(Duration.ofDays(29));
	}

	@Test
	void closesTheCartOnlyOnceTheOrdersTransactionCommits() {
		CheckoutClaim claim = new CheckoutClaim("key-a", 1);
		String cart = claimedCart(claim);
		UUID order = UUID.randomUUID();

		TransactionSynchronizationManager.initSynchronization();
		try {
			assertThat(this.store.checkedOut(cart, claim, order, NOW)).isTrue();
			assertThat(this.store.find(cart).orElseThrow().status()).isEqualTo(Cart.Status.CHECKING_OUT);
			assertThat(this.published).containsExactly(new CartCloseDue(cart, "key-a", 1, order));

			TransactionSynchronizationUtils.triggerAfterCommit();
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization();
		}

		Cart closed = this.store.find(cart).orElseThrow();
		assertThat(closed.status()).isEqualTo(Cart.Status.CHECKED_OUT);
		assertThat(closed.orderId()).isEqualTo(order);
	}

	@Test
	void refusesInsideATransactionWhenTheClaimWasTakenOver() {
		String cart = claimedCart(new CheckoutClaim("key-a", 2));

		TransactionSynchronizationManager.initSynchronization();
		try {
			assertThat(this.store.checkedOut(cart, new CheckoutClaim("key-a", 1), UUID.randomUUID(), NOW)).isFalse();
			assertThat(TransactionSynchronizationManager.getSynchronizations()).isEmpty();
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization();
		}

		assertThat(this.published).isEmpty();
		assertThat(this.store.find(cart).orElseThrow().status()).isEqualTo(Cart.Status.CHECKING_OUT);
	}

	@Test
	void theRetriedCloseClosesACartStillBeingCheckedOutAndIsHarmlessToRepeat() {
		CheckoutClaim claim = new CheckoutClaim("key-a", 1);
		String cart = claimedCart(claim);
		UUID order = UUID.randomUUID();
		RedisCartStore carts = (RedisCartStore) this.store;
		PendingCartCloses pending = new PendingCartCloses(carts, Clock.fixed(NOW, ZoneOffset.UTC));

		pending.on(new CartCloseDue(cart, "key-a", 1, order));
		pending.on(new CartCloseDue(cart, "key-a", 1, order));

		assertThat(this.store.find(cart).orElseThrow().status()).isEqualTo(Cart.Status.CHECKED_OUT);
		assertThat(carts.close(cart, claim, order, NOW)).isEqualTo(RedisCartStore.Closed.BEFORE);
		assertThat(carts.close(cart, claim, UUID.randomUUID(), NOW)).isEqualTo(RedisCartStore.Closed.NOT_HELD);
	}

	private Duration ttl(String key) {
		return Duration.ofMillis(redis.getExpire(this.prefix + key, TimeUnit.MILLISECONDS));
	}

}
