package io.emporium.checkout.internal;

import java.util.List;
import java.util.UUID;

import io.emporium.cart.CheckoutClaim;
import io.emporium.checkout.CheckoutAbandoned;
import io.emporium.checkout.StaleKeys;
import io.emporium.checkout.internal.IdempotencyKeys.Owned;
import io.emporium.checkout.internal.IdempotencyKeys.Replay;
import io.emporium.inventory.Inventory;
import io.emporium.inventory.ReservationId;
import io.emporium.inventory.StockCount;
import io.emporium.inventory.StockLevels;
import io.emporium.inventory.StockLine;
import io.emporium.inventory.Warehouse;
import io.emporium.platform.InvalidRequestException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Checkout with the modules it calls (carts, catalog, inventory, payments, orders) and
 * nothing else: how its keys are claimed, fenced and taken over.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class CheckoutModuleTests {

	/** Identity signs and checks tokens; no test here sends one. */
	@MockitoBean
	JwtDecoder tokens;

	@Autowired
	IdempotencyKeys keys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Inventory inventory;

	@Autowired
	ApplicationContext context;

	@Test
	void bootsCheckoutWithTheModulesItCallsOnly() {
		assertThat(this.context.containsBean("checkoutService")).isTrue();
		assertThat(this.context.containsBean("orderService")).isTrue();
		assertThat(this.context.containsBean("accounts")).isFalse();
	}

	@Test
	void theFirstRequestOwnsANewKeyAndADuplicateGetsItsAnswer() {
		String key = UUID.randomUUID().toString();
		CheckoutClaim claim = owned(this.keys.claim(key, Digests.sha256("body"), "cart-" + key));

		boolean completed = this.keys.complete(claim, new CheckoutOutcome(201, "{\"orderId\":\"x\"}", false));

		assertThat(claim.fence()).isEqualTo(1);
		assertThat(completed).isTrue();
		assertThat(this.keys.claim(key, Digests.sha256("body"), "cart-" + key)).isInstanceOfSatisfying(Replay.class,
				replay -> assertThat(replay.outcome())
					.isEqualTo(new CheckoutOutcome(201, "{\"orderId\":\"x\"}", true)));
	}

	@Test
	void rejectsTheKeyForAnotherBody() {
		String key = UUID.randomUUID().toString();
		this.keys.claim(key, Digests.sha256("body"), "cart-" + key);

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> this.keys.claim(key, Digests.sha256("other body"), "cart-" + key));
	}

	@Test
	void aTakeoverOfAStaleKeyFencesTheOldOwnerOut(Scenario scenario) {
		String key = UUID.randomUUID().toString();
		CheckoutClaim first = owned(this.keys.claim(key, Digests.sha256("body"), "cart-" + key));
		ReservationId reservation = this.keys.recordHold(first, this::holdOne).orElseThrow().reservation();
		StaleKeys.makeStale(this.jdbc, key);

		scenario.stimulate(() -> owned(this.keys.claim(key, Digests.sha256("body"), "cart-" + key)))
			.andWaitForEventOfType(CheckoutAbandoned.class)
			.matchingMappedValue(CheckoutAbandoned::idempotencyKey, key)
			.toArriveAndVerify((event, second) -> {
				assertThat(second.fence()).isEqualTo(2);
				assertThat(event.fence()).isEqualTo(1);
				assertThat(event.reservationId()).isEqualTo(reservation.value());
				assertThat(this.keys.recordHold(first, this::holdOne)).isEmpty();
				assertThat(this.keys.complete(first, new CheckoutOutcome(201, "{}", false))).isFalse();
				assertThat(this.keys.complete(second, new CheckoutOutcome(201, "{\"late\":false}", false))).isTrue();
			});
	}

	@Test
	void anAttemptThatLostItsKeyHoldsNoStock() {
		String key = UUID.randomUUID().toString();
		String sku = stocked(5);
		CheckoutClaim first = owned(this.keys.claim(key, Digests.sha256("body"), "cart-" + key));
		StaleKeys.makeStale(this.jdbc, key);
		owned(this.keys.claim(key, Digests.sha256("body"), "cart-" + key));

		var held = this.keys.recordHold(first,
				() -> Holds.of(sku, 2, this.inventory.reserve(List.of(new StockLine(sku, 2)))));

		assertThat(held).isEmpty();
		assertThat(this.inventory.levels(sku).levels()).containsExactly(new StockLevels.Level(Warehouse.MAIN, 5, 0));
	}

	@Test
	void aKeyGivenBackAfterARetryableFailureIsOwnedAgainUnderANewToken() {
		String key = UUID.randomUUID().toString();
		CheckoutClaim first = owned(this.keys.claim(key, Digests.sha256("body"), "cart-" + key));
		HeldCart held = this.keys.recordHold(first, this::holdOne).orElseThrow();

		this.keys.reopen(first);
		Owned again = (Owned) this.keys.claim(key, Digests.sha256("body"), "cart-" + key);

		assertThat(again.claim().fence()).isEqualTo(2);
		assertThat(again.cartHash()).isEqualTo(held.priced().fingerprint());
	}

	@Test
	void aNewKeysFirstAttemptStoresTheKeyWithItsHold() {
		String key = UUID.randomUUID().toString();
		Owned first = this.keys.unseen(key, Digests.sha256("body"), "cart-" + key);

		HeldCart held = this.keys.recordHold(first, this::holdOne).orElseThrow();

		assertThat(this.jdbc.sql("""
				select state, fence, cart_hash, reservation_id from checkout_idempotency
				where idempotency_key = :key""").param("key", key).query().singleRow())
			.containsEntry("state", "IN_PROGRESS")
			.containsEntry("fence", first.claim().fence())
			.containsEntry("cart_hash", held.priced().fingerprint())
			.containsEntry("reservation_id", held.reservation().value());
		assertThat(this.keys.complete(first.claim(), new CheckoutOutcome(201, "{}", false))).isTrue();
	}

	/**
	 * Two first attempts of one key: the one whose insert loses waits for the winner's
	 * transaction, holds nothing, and stores nothing over the winner's row, whatever it
	 * decides.
	 */
	@Test
	void ofTwoFirstAttemptsOfOneKeyTheLoserHoldsAndStoresNothing() {
		String key = UUID.randomUUID().toString();
		Owned winner = this.keys.unseen(key, Digests.sha256("body"), "cart-" + key);
		Owned loser = this.keys.unseen(key, Digests.sha256("body"), "cart-" + key);
		this.keys.recordHold(winner, this::holdOne).orElseThrow();
		String sku = stocked(3);

		assertThatExceptionOfType(IdempotencyKeys.KeyExists.class).isThrownBy(() -> this.keys.recordHold(loser,
				() -> Holds.of(sku, 1, this.inventory.reserve(List.of(new StockLine(sku, 1))))));
		assertThat(this.keys.decide(loser, new CheckoutOutcome(409, "{\"sold-out\":true}", false))).isFalse();
		this.keys.reopen(loser.claim());

		assertThat(winner.claim().fence()).isNotEqualTo(loser.claim().fence());
		assertThat(this.inventory.levels(sku).levels()).containsExactly(new StockLevels.Level(Warehouse.MAIN, 3, 0));
		assertThat(this.jdbc.sql("select state, fence from checkout_idempotency where idempotency_key = :key")
			.param("key", key)
			.query()
			.singleRow()).containsEntry("state", "IN_PROGRESS").containsEntry("fence", winner.claim().fence());
	}

	/**
	 * A new key whose hold failed stored nothing with it; its decided answer becomes the
	 * key's first row, and a retry gets it.
	 */
	@Test
	void aNewKeyWhoseHoldFailedStoresItsDecidedAnswer() {
		String key = UUID.randomUUID().toString();
		Owned first = this.keys.unseen(key, Digests.sha256("body"), "cart-" + key);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.keys.recordHold(first, () -> {
			throw new IllegalStateException("sold out");
		}));
		assertThat(this.jdbc.sql("select count(*) from checkout_idempotency where idempotency_key = :key")
			.param("key", key)
			.query(Long.class)
			.single()).isZero();

		assertThat(this.keys.decide(first, new CheckoutOutcome(409, "{\"sold\":\"out\"}", false))).isTrue();

		assertThat(this.keys.claim(key, Digests.sha256("body"), "cart-" + key)).isInstanceOfSatisfying(Replay.class,
				replay -> assertThat(replay.outcome()).isEqualTo(new CheckoutOutcome(409, "{\"sold\":\"out\"}", true)));
	}

	/** A SKU of its own with {@code onHand} units in the main warehouse. */
	private String stocked(int onHand) {
		String sku = "CHK-" + UUID.randomUUID().toString().substring(0, 8);
		this.inventory.setStock(List.of(new StockCount(sku, Warehouse.MAIN, onHand)));
		return sku;
	}

	/** Holds one unit of a SKU of its own, as a checkout's hold would. */
	private HeldCart holdOne() {
		String sku = stocked(1);
		return Holds.of(sku, 1, this.inventory.reserve(List.of(new StockLine(sku, 1))));
	}

	private static CheckoutClaim owned(IdempotencyKeys.Claim claim) {
		assertThat(claim).isInstanceOf(Owned.class);
		return ((Owned) claim).claim();
	}

}
