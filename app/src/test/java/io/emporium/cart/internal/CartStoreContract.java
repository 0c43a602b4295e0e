package io.emporium.cart.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.emporium.cart.CheckoutClaim;
import io.emporium.cart.internal.CartStore.Change;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every adapter of the cart store port must do: the limits hold under concurrent
 * changes, and the checkout claim is fenced exactly as ADR 0010 says.
 */
abstract class CartStoreContract {

	/** Small limits, so that tests reach them. */
	static final CartProperties LIMITS = new CartProperties(Currency.getInstance("EUR"), 10, 3,
			CartProperties.Store.RELATIONAL, new CartProperties.Ttl(Duration.ofDays(30), Duration.ofDays(7)));

	static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	CartStore store;

	abstract CartStore store(CartProperties properties);

	@BeforeEach
	void createStore() {
		this.store = store(LIMITS);
	}

	@Test
	void readsBackWhatItSaved() {
		String cart = guestCart();
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();

		this.store.add(cart, "SKU-B", 2, 100, first, NOW);
		this.store.add(cart, "SKU-A", 1, 100, second, NOW.plusSeconds(1));
		this.store.add(cart, "SKU-B", 3, 100, UUID.randomUUID(), NOW.plusSeconds(2));

		Cart stored = this.store.find(cart).orElseThrow();
		assertThat(stored.id()).isEqualTo(cart);
		assertThat(stored.customerId()).isNull();
		assertThat(stored.status()).isEqualTo(Cart.Status.ACTIVE);
		assertThat(stored.checkout()).isNull();
		assertThat(stored.items()).containsExactly(new Cart.Item(first, "SKU-B", 5), new Cart.Item(second, "SKU-A", 1));
		assertThat(this.store.find("no-such-cart-" + UUID.randomUUID())).isEmpty();
	}

	@Test
	void refusesQuantitiesBeyondTheLimitOrTheStockAndLinesBeyondTheLineLimit() {
		String cart = guestCart();
		this.store.add(cart, "SKU-A", 8, 100, UUID.randomUUID(), NOW);
		this.store.add(cart, "SKU-B", 1, 100, UUID.randomUUID(), NOW);
		this.store.add(cart, "SKU-C", 1, 100, UUID.randomUUID(), NOW);

		assertThat(this.store.add(cart, "SKU-A", 3, 100, UUID.randomUUID(), NOW)).isEqualTo(Change.QUANTITY_LIMIT);
		assertThat(this.store.add(cart, "SKU-B", 2, 2, UUID.randomUUID(), NOW)).isEqualTo(Change.OUT_OF_STOCK);
		assertThat(this.store.add(cart, "SKU-D", 1, 100, UUID.randomUUID(), NOW)).isEqualTo(Change.LINE_LIMIT);
		assertThat(this.store.add(cart, "SKU-A", 2, 100, UUID.randomUUID(), NOW)).isEqualTo(Change.DONE);

		assertThat(quantities(cart)).containsExactly("SKU-A=10", "SKU-B=1", "SKU-C=1");
	}

	@Test
	void concurrentAddsNeverTakeALineBeyondTheQuantityLimit() throws Exception {
		String cart = guestCart();

		List<Change> changes = race(16, i -> this.store.add(cart, "SKU-A", 3, 100, UUID.randomUUID(), NOW));

		assertThat(changes).filteredOn(change -> change == Change.DONE).hasSize(3);
		assertThat(changes).filteredOn(change -> change != Change.DONE).containsOnly(Change.QUANTITY_LIMIT);
		assertThat(quantities(cart)).containsExactly("SKU-A=9");
	}

	@Test
	void concurrentAddsOfNewSkusNeverExceedTheLineLimit() throws Exception {
		String cart = guestCart();

		List<Change> changes = race(12, i -> this.store.add(cart, "SKU-" + i, 1, 100, UUID.randomUUID(), NOW));

		assertThat(changes).filteredOn(change -> change == Change.DONE).hasSize(3);
		assertThat(changes).filteredOn(change -> change != Change.DONE).containsOnly(Change.LINE_LIMIT);
		assertThat(this.store.find(cart).orElseThrow().items()).hasSize(3);
	}

	@Test
	void setsAndRemovesLinesByTheirId() {
		String cart = guestCart();
		UUID line = UUID.randomUUID();
		this.store.add(cart, "SKU-A", 1, 100, line, NOW);
		this.store.add(cart, "SKU-B", 1, 100, UUID.randomUUID(), NOW);

		assertThat(this.store.set(cart, line, 7, 100, NOW)).isEqualTo(Change.DONE);
		assertThat(this.store.set(cart, line, 11, 100, NOW)).isEqualTo(Change.QUANTITY_LIMIT);
		assertThat(this.store.set(cart, line, 5, 4, NOW)).isEqualTo(Change.OUT_OF_STOCK);
		assertThat(this.store.set(cart, UUID.randomUUID(), 1, 100, NOW)).isEqualTo(Change.NO_SUCH_LINE);
		assertThat(quantities(cart)).containsExactly("SKU-A=7", "SKU-B=1");

		assertThat(this.store.remove(cart, line, NOW)).isEqualTo(Change.DONE);
		assertThat(this.store.remove(cart, line, NOW)).isEqualTo(Change.NO_SUCH_LINE);
		assertThat(quantities(cart)).containsExactly("SKU-B=1");
	}

	@Test
	void claimsOnlyANonEmptyOpenCartAndThenChangesNothing() {
		String cart = guestCart();
		CheckoutClaim claim = new CheckoutClaim("key-" + UUID.randomUUID(), 1);
		assertThat(this.store.claim(cart, claim, NOW)).as("an empty cart").isFalse();
		UUID line = UUID.randomUUID();
		this.store.add(cart, "SKU-A", 1, 100, line, NOW);

		assertThat(this.store.claim(cart, claim, NOW)).isTrue();

		Cart claimed = this.store.find(cart).orElseThrow();
		assertThat(claimed.status()).isEqualTo(Cart.Status.CHECKING_OUT);
		assertThat(claimed.checkout()).isEqualTo(claim);
		assertThat(this.store.add(cart, "SKU-A", 1, 100, UUID.randomUUID(), NOW)).isEqualTo(Change.NOT_OPEN);
		assertThat(this.store.set(cart, line, 2, 100, NOW)).isEqualTo(Change.NOT_OPEN);
		assertThat(this.store.remove(cart, line, NOW)).isEqualTo(Change.NOT_OPEN);
		assertThat(quantities(cart)).containsExactly("SKU-A=1");
	}

	@Test
	void onlyANewerFenceOfTheSameKeyTakesAClaimOver() {
		String cart = claimedCart(new CheckoutClaim("key-a", 2));

		assertThat(this.store.claim(cart, new CheckoutClaim("key-b", 9), NOW)).as("another key").isFalse();
		assertThat(this.store.claim(cart, new CheckoutClaim("key-a", 2), NOW)).as("the same fence").isFalse();
		assertThat(this.store.claim(cart, new CheckoutClaim("key-a", 1), NOW)).as("an older fence").isFalse();
		assertThat(this.store.claim(cart, new CheckoutClaim("key-a", 3), NOW)).as("a newer fence").isTrue();

		assertThat(this.store.find(cart).orElseThrow().checkout()).isEqualTo(new CheckoutClaim("key-a", 3));
	}

	@Test
	void releasesOnlyForTheClaimingKeyUpToItsFence() {
		String cart = claimedCart(new CheckoutClaim("key-a", 2));

		assertThat(this.store.release(cart, new CheckoutClaim("key-b", 5), NOW)).as("another key").isFalse();
		assertThat(this.store.release(cart, new CheckoutClaim("key-a", 1), NOW)).as("an older fence").isFalse();
		assertThat(this.store.release(cart, new CheckoutClaim("key-a", 3), NOW)).as("a newer fence").isTrue();

		Cart released = this.store.find(cart).orElseThrow();
		assertThat(released.status()).isEqualTo(Cart.Status.ACTIVE);
		assertThat(released.checkout()).isNull();
		assertThat(this.store.release(cart, new CheckoutClaim("key-a", 3), NOW)).as("an open cart").isFalse();
		assertThat(this.store.add(cart, "SKU-A", 1, 100, UUID.randomUUID(), NOW)).isEqualTo(Change.DONE);
	}

	@Test
	void closesOnlyUnderTheExactClaim() {
		CheckoutClaim claim = new CheckoutClaim("key-a", 2);
		String cart = claimedCart(claim);
		UUID order = UUID.randomUUID();

		assertThat(this.store.checkedOut(cart, new CheckoutClaim("key-b", 2), order, NOW)).as("another key").isFalse();
		assertThat(this.store.checkedOut(cart, new CheckoutClaim("key-a", 1), order, NOW)).as("older").isFalse();
		assertThat(this.store.checkedOut(cart, new CheckoutClaim("key-a", 3), order, NOW)).as("newer").isFalse();
		assertThat(this.store.checkedOut(cart, claim, order, NOW)).isTrue();

		Cart closed = this.store.find(cart).orElseThrow();
		assertThat(closed.status()).isEqualTo(Cart.Status.CHECKED_OUT);
		assertThat(closed.orderId()).isEqualTo(order);
		assertThat(this.store.release(cart, claim, NOW)).as("a closed cart stays closed").isFalse();
		assertThat(this.store.claim(cart, new CheckoutClaim("key-a", 3), NOW)).isFalse();
		assertThat(this.store.add(cart, "SKU-A", 1, 100, UUID.randomUUID(), NOW)).isEqualTo(Change.NOT_OPEN);
	}

	@Test
	void mergesAGuestCartWithinTheLimits() {
		UUID customer = UUID.randomUUID();
		String target = UUID.randomUUID().toString();
		this.store.create(target, customer, NOW);
		this.store.add(target, "SKU-A", 6, 100, UUID.randomUUID(), NOW);
		this.store.add(target, "SKU-B", 1, 100, UUID.randomUUID(), NOW);
		String guest = guestCart();
		this.store.add(guest, "SKU-A", 7, 100, UUID.randomUUID(), NOW);
		this.store.add(guest, "SKU-C", 2, 100, UUID.randomUUID(), NOW.plusSeconds(1));
		this.store.add(guest, "SKU-D", 1, 100, UUID.randomUUID(), NOW.plusSeconds(2));

		assertThat(this.store.merge(guest, target, NOW.plusSeconds(3))).isTrue();

		assertThat(quantities(target)).containsExactlyInAnyOrder("SKU-A=10", "SKU-B=1", "SKU-C=2");
		assertThat(this.store.find(guest).orElseThrow().status()).isEqualTo(Cart.Status.MERGED);
		assertThat(this.store.merge(guest, target, NOW)).as("a merged cart merges once").isFalse();
		assertThat(this.store.openCartOf(customer)).contains(target);
	}

	@Test
	void mergesNothingIntoACartThatIsBeingCheckedOut() {
		String target = claimedCart(new CheckoutClaim("key-a", 1));
		String guest = guestCart();
		this.store.add(guest, "SKU-B", 1, 100, UUID.randomUUID(), NOW);

		assertThat(this.store.merge(guest, target, NOW)).isFalse();

		assertThat(quantities(target)).containsExactly("SKU-A=1");
		assertThat(this.store.find(guest).orElseThrow().status()).isEqualTo(Cart.Status.ACTIVE);
	}

	@Test
	void indexesEachCustomersOpenCart() {
		UUID customer = UUID.randomUUID();
		String own = UUID.randomUUID().toString();
		this.store.create(own, customer, NOW);
		String guest = guestCart();
		UUID other = UUID.randomUUID();

		assertThat(this.store.openCartOf(customer)).contains(own);
		assertThat(this.store.assign(guest, other, NOW)).isTrue();
		assertThat(this.store.assign(guest, customer, NOW)).as("a customer's cart is not a guest's").isFalse();
		assertThat(this.store.openCartOf(other)).contains(guest);
		assertThat(this.store.find(guest).orElseThrow().customerId()).isEqualTo(other);

		this.store.add(own, "SKU-A", 1, 100, UUID.randomUUID(), NOW);
		CheckoutClaim claim = new CheckoutClaim("key-" + UUID.randomUUID(), 1);
		this.store.claim(own, claim, NOW);
		assertThat(this.store.openCartOf(customer)).as("while checked out").isEmpty();
		this.store.release(own, claim, NOW);
		assertThat(this.store.openCartOf(customer)).as("given back").contains(own);
		this.store.claim(own, claim, NOW);
		this.store.checkedOut(own, claim, UUID.randomUUID(), NOW);
		assertThat(this.store.openCartOf(customer)).as("closed").isEmpty();
		assertThat(this.store.openCartOf(UUID.randomUUID())).isEmpty();
	}

	String guestCart() {
		String id = UUID.randomUUID().toString();
		this.store.create(id, null, NOW);
		return id;
	}

	String claimedCart(CheckoutClaim claim) {
		String cart = guestCart();
		this.store.add(cart, "SKU-A", 1, 100, UUID.randomUUID(), NOW);
		assertThat(this.store.claim(cart, claim, NOW)).isTrue();
		return cart;
	}

	List<String> quantities(String cart) {
		return this.store.find(cart)
			.orElseThrow()
			.items()
			.stream()
			.map(item -> item.sku() + "=" + item.quantity())
			.toList();
	}

	/** Runs {@code count} calls on real threads released at once. */
	static <T> List<T> race(int count, IndexedCall<T> call) throws Exception {
		try (ExecutorService threads = Executors.newFixedThreadPool(count)) {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> calls = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int index = i;
				Callable<T> task = () -> {
					start.await();
					return call.call(index);
				};
				calls.add(threads.submit(task));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : calls) {
				results.add(future.get());
			}
			return results;
		}
	}

	interface IndexedCall<T> {

		T call(int index) throws Exception;

	}

}
