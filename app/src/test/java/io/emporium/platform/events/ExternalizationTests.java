package io.emporium.platform.events;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.emporium.ApiClient;
import io.emporium.HttpTestSupport;
import io.emporium.StoreFixture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What leaves the store on its topic exchange, and what an order costs in the event
 * publication registry: outside consumers get the events marked
 * {@link org.springframework.modulith.events.Externalized}, never the steps inside a
 * checkout, and the stock fan-out keeps no registry row.
 */
@Tag("services")
class ExternalizationTests extends HttpTestSupport {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final List<String> LIFECYCLE = List.of("orders.OrderPlaced", "orders.OrderPaid",
			"payments.PaymentCaptured");

	/** What a checkout publishes besides, for the modules that take part in it. */
	private static final List<String> INSIDE = List.of("inventory.StockReserved", "payments.PaymentAuthorized",
			"cart.CartCheckedOut", "checkout.CheckoutCompleted");

	@Autowired
	Environment environment;

	@Autowired
	JdbcClient jdbc;

	@Test
	void outsideConsumersGetTheOrderLifecycleButNotTheStepsOfACheckout() {
		String cart = cartOfOneBook();
		Instant before = Instant.now().minusMillis(1);
		try (OutsideConsumer erp = new OutsideConsumer(namespace(), "#")) {

			checkout(cart);
			List<String> received = erp.keysUntilAll(LIFECYCLE, PATIENCE);

			assertThat(received).containsAll(LIFECYCLE).doesNotContainAnyElementsOf(INSIDE);
			assertThat(this.jdbc.sql("""
					select event_type from event_publication
					where listener_id like '%.externalize(%' and publication_date >= :since""")
				.param("since", Timestamp.from(before))
				.query((rs, row) -> rs.getString(1).substring("io.emporium.".length()))
				.list()).containsExactlyInAnyOrderElementsOf(LIFECYCLE);
		}
	}

	/**
	 * Externalization of OrderPlaced, OrderPaid and PaymentCaptured, and the close of the
	 * Redis cart; the reservation's fan-out, the capture (ADR 0016) and the checkout's
	 * inner steps make none.
	 */
	@Test
	void oneOrderMakesFourPublications() {
		String sku = this.store.product(1499, 100);
		String cart = this.store.cartWith(this.store.api(), sku, 1);
		Instant before = Instant.now().minusMillis(1);

		String orderId = checkout(cart);

		await().atMost(PATIENCE)
			.until(() -> incompleteSince(before) == 0 && publications(before, sku, cart, orderId).stream()
				.anyMatch(publication -> publication.startsWith("PaymentCaptured")));
		List<String> publications = publications(before, sku, cart, orderId);
		assertThat(publications).hasSize(4);
	}

	/** A cart holding one book of a stock of 100 (far from running low). */
	private String cartOfOneBook() {
		return this.store.cartWith(this.store.api(), this.store.product(1499, 100), 1);
	}

	/** Checks the cart out; returns the order's id. */
	private String checkout(String cart) {
		ApiClient.Response checkout = this.store.api()
			.with("Idempotency-Key", UUID.randomUUID().toString())
			.post("/api/v1/checkout", StoreFixture.checkout(cart, "outside@example.com", "tok_visa"));
		assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
		return checkout.text("orderId");
	}

	/**
	 * The publications since {@code instant} of events that name the SKU, the cart or the
	 * order, as "event type -> listener".
	 */
	private List<String> publications(Instant instant, String sku, String cart, String order) {
		return this.jdbc.sql("""
				select event_type, listener_id from event_publication
				where publication_date >= :since
					and (serialized_event like :sku or serialized_event like :cart or serialized_event like :order)
				order by publication_date""")
			.param("since", Timestamp.from(instant))
			.param("sku", "%" + sku + "%")
			.param("cart", "%" + cart + "%")
			.param("order", "%" + order + "%")
			.query((rs, row) -> rs.getString(1).substring(rs.getString(1).lastIndexOf('.') + 1) + " -> "
					+ rs.getString(2))
			.list();
	}

	private long incompleteSince(Instant instant) {
		return this.jdbc
			.sql("select count(*) from event_publication where publication_date >= :since and completion_date is null")
			.param("since", Timestamp.from(instant))
			.query(Long.class)
			.single();
	}

	private String namespace() {
		return this.environment.getRequiredProperty("emporium.namespace");
	}

}
