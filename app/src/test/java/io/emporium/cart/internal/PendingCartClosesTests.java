package io.emporium.cart.internal;

import java.util.UUID;

import io.emporium.HttpTestSupport;
import io.emporium.cart.Carts;
import io.emporium.cart.CheckoutClaim;
import io.emporium.platform.Caller;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The retried step of closing a Redis cart: a close recorded in a committed transaction
 * closes the cart through the event publication registry, even when the close right after
 * the commit never ran (the node died in between).
 */
@Tag("services")
class PendingCartClosesTests extends HttpTestSupport {

	@Autowired
	Carts carts;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aCloseRecordedWithTheOrderClosesTheCartAfterTheCommit() {
		String sku = this.store.product(1000, 5);
		String cart = this.store.cartWith(this.store.api(), sku, 1);
		CheckoutClaim claim = new CheckoutClaim("key-" + UUID.randomUUID(), 1);
		this.carts.claimForCheckout(cart, Caller.ANONYMOUS, claim);

		this.transactions.executeWithoutResult(status -> this.events
			.publishEvent(new CartCloseDue(cart, claim.key(), claim.fence(), UUID.randomUUID())));

		await().untilAsserted(() -> assertThat(this.store.cartStatus(this.store.api(), cart)).isEqualTo("CHECKED_OUT"));
	}

}
