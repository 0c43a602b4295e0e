package io.emporium.checkout.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.emporium.StoreFixture;
import io.emporium.cart.CheckoutClaim;
import io.emporium.checkout.CheckoutAbandoned;
import io.emporium.checkout.StaleKeys;
import io.emporium.checkout.CheckoutFaultsSupport;
import io.emporium.checkout.internal.IdempotencyKeys.Owned;
import io.emporium.inventory.ReservationId;
import io.emporium.inventory.StockLine;
import io.emporium.payments.Authorization;
import io.emporium.payments.PaymentRequest;
import io.emporium.platform.Caller;
import io.emporium.platform.Money;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.EnableScenarios;
import org.springframework.modulith.test.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node that died half-way through a checkout leaves a claimed cart, held stock and an
 * authorization behind; once the attempt is stale, the job takes its key over and the
 * reaction to {@link CheckoutAbandoned} gives all three back.
 */
@EnableScenarios
class AbandonedCheckoutsTests extends CheckoutFaultsSupport {

	@Autowired
	IdempotencyKeys keys;

	@Autowired
	AbandonedCheckouts abandoned;

	@Autowired
	JdbcClient jdbc;

	@Test
	void givesBackWhatAStaleCheckoutHeld(Scenario scenario) {
		String sku = this.store.product(1500, 4);
		String cartId = this.store.cartWith(this.store.api(), sku, 2);
		String key = UUID.randomUUID().toString();
		HalfDone attempt = dieAfterAuthorizing(key, cartId, sku);
		StaleKeys.makeStale(this.jdbc, key);

		scenario.stimulate(() -> this.abandoned.abandonStale(Instant.now()))
			.andWaitForEventOfType(CheckoutAbandoned.class)
			.matchingMappedValue(CheckoutAbandoned::idempotencyKey, key)
			.toArriveAndVerify(event -> {
				assertThat(event.reservationId()).isEqualTo(attempt.reservation().value());
			});

		await().untilAsserted(() -> {
			assertThat(this.store.cartStatus(this.store.api(), cartId)).isEqualTo("ACTIVE");
			assertThat(this.store.stock(sku)).isEqualTo(new StoreFixture.Level(4, 0));
			assertThat(this.store.payments(cartId)).singleElement()
				.satisfies(payment -> assertThat(payment.path("status").asText()).as(payment.toString())
					.isEqualTo("VOIDED"));
		});
	}

	@Test
	void voidsAnAuthorizationTheGatewayGaveJustBeforeTheNodeDied() {
		String sku = this.store.product(1500, 4);
		String cartId = this.store.cartWith(this.store.api(), sku, 1);
		String key = UUID.randomUUID().toString();
		Owned owned = (Owned) this.keys.claim(key, Digests.sha256(key), cartId);
		this.carts.claimForCheckout(cartId, Caller.ANONYMOUS, owned.claim());
		this.keys.recordHold(owned.claim(),
				() -> Holds.of(sku, 1, this.inventory.reserve(List.of(new StockLine(sku, 1)))));
		this.payments.authorize(
				new PaymentRequest(Purchase.paymentKey(owned.claim()), "tok_visa", Money.of(1500, "EUR"), cartId));
		StaleKeys.makeStale(this.jdbc, key);

		this.abandoned.abandonStale(Instant.now());

		await().untilAsserted(() -> {
			assertThat(this.store.payments(cartId)).singleElement()
				.satisfies(payment -> assertThat(payment.path("status").asText()).isEqualTo("VOIDED"));
			assertThat(this.store.stock(sku)).isEqualTo(new StoreFixture.Level(4, 0));
			assertThat(this.store.cartStatus(this.store.api(), cartId)).isEqualTo("ACTIVE");
		});
	}

	/**
	 * As a checkout does now: the payment opened PENDING with the hold, the gateway's
	 * approval not yet recorded when the node died. The takeover asks the gateway again
	 * under the payment's key, records the approval and voids it.
	 */
	@Test
	void voidsAPendingPaymentWhoseApprovalTheNodeNeverRecorded() {
		String sku = this.store.product(1500, 4);
		String cartId = this.store.cartWith(this.store.api(), sku, 1);
		String key = UUID.randomUUID().toString();
		Owned owned = (Owned) this.keys.claim(key, Digests.sha256(key), cartId);
		PaymentRequest request = new PaymentRequest(Purchase.paymentKey(owned.claim()), "tok_visa",
				Money.of(1500, "EUR"), cartId);
		this.carts.claimForCheckout(cartId, Caller.ANONYMOUS, owned.claim());
		this.keys.recordHold(owned.claim(), () -> {
			this.payments.open(request);
			return Holds.of(sku, 1, this.inventory.reserve(List.of(new StockLine(sku, 1))));
		});
		this.payments.authorize(request);
		assertThat(this.store.payments(cartId)).singleElement()
			.satisfies(payment -> assertThat(payment.path("status").asText()).isEqualTo("PENDING"));
		StaleKeys.makeStale(this.jdbc, key);

		this.abandoned.abandonStale(Instant.now());

		await().untilAsserted(() -> {
			assertThat(this.store.payments(cartId)).singleElement().satisfies(payment -> {
				assertThat(payment.path("status").asText()).isEqualTo("VOIDED");
				assertThat(payment.path("calls")).extracting(call -> call.path("operation").asText())
					.containsExactly("AUTHORIZE", "VOID");
			});
			assertThat(this.store.stock(sku)).isEqualTo(new StoreFixture.Level(4, 0));
			assertThat(this.store.cartStatus(this.store.api(), cartId)).isEqualTo("ACTIVE");
		});
	}

	@Test
	void leavesAnAttemptThatIsStillMakingProgressAlone() {
		String sku = this.store.product(1500, 4);
		String cartId = this.store.cartWith(this.store.api(), sku, 1);
		String key = UUID.randomUUID().toString();
		dieAfterAuthorizing(key, cartId, sku);

		this.abandoned.abandonStale(Instant.now());

		assertThat(this.store.cartStatus(this.store.api(), cartId)).isEqualTo("CHECKING_OUT");
		assertThat(this.store.stock(sku)).isEqualTo(new StoreFixture.Level(4, 1));
	}

	@Test
	void givesBackWhatItHeldWhenAnAbandonedAttemptIsAnnounced(Scenario scenario) {
		String sku = this.store.product(1500, 4);
		String cartId = this.store.cartWith(this.store.api(), sku, 3);
		String key = UUID.randomUUID().toString();
		HalfDone attempt = dieAfterAuthorizing(key, cartId, sku);

		scenario.publish(new CheckoutAbandoned(key, 1, cartId, attempt.reservation().value(), Instant.now()))
			.andWaitForStateChange(() -> this.store.cartStatus(this.store.api(), cartId), "ACTIVE"::equals)
			.andVerify(status -> {
				assertThat(this.store.stock(sku)).isEqualTo(new StoreFixture.Level(4, 0));
				await().untilAsserted(() -> assertThat(this.store.payments(cartId)).singleElement()
					.satisfies(payment -> assertThat(payment.path("status").asText()).as(payment.toString())
						.isEqualTo("VOIDED")));
			});
	}

	/** Everything a checkout does before settling, as a node that then died left it. */
	private HalfDone dieAfterAuthorizing(String key, String cartId, String sku) {
		Owned owned = (Owned) this.keys.claim(key, Digests.sha256(key), cartId);
		CheckoutClaim claim = owned.claim();
		var cart = this.carts.claimForCheckout(cartId, Caller.ANONYMOUS, claim);
		int quantity = cart.lines().get(0).quantity();
		ReservationId reservation = this.inventory.reserve(List.of(new StockLine(sku, quantity)));
		this.keys.recordHold(claim, () -> Holds.of(sku, quantity, reservation));
		Authorization authorization = this.payments.authorize(
				new PaymentRequest(Purchase.paymentKey(claim), "tok_visa", Money.of(1500L * quantity, "EUR"), cartId));
		return new HalfDone(reservation, authorization.paymentId());
	}

	private record HalfDone(ReservationId reservation, UUID paymentId) {
	}

}
