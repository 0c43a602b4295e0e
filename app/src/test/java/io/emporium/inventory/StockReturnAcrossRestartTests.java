package io.emporium.inventory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.emporium.ApiClient;
import io.emporium.EmbeddedNode;
import io.emporium.StoreFixture;
import io.emporium.orders.OrderCancelled;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A cancelled order's units come back even when the node stops before inventory's
 * reaction could finish: the publication stays incomplete in the event publication
 * registry, and the next start on the same database republishes it. In the first run
 * another transaction holds the stock row (as a long stock count would) past a short lock
 * timeout, so the reaction fails and rolls back, as it would in production.
 */
@Tag("embedded")
class StockReturnAcrossRestartTests {

	private static final Duration PATIENCE = Duration.ofMinutes(1);

	/** Both runs use this one embedded database (H2 wants the leading "./"). */
	private final String dataDir = "./target/test-data/restart-" + UUID.randomUUID();

	@Test
	void returnsTheStockOfAnOrderCancelledJustBeforeTheNodeStopped() throws Exception {
		String sku;
		String orderId;
		try (ConfigurableApplicationContext first = start(
				"--spring.datasource.hikari.connection-init-sql=SET LOCK_TIMEOUT 200")) {
			StoreFixture store = new StoreFixture(port(first));
			sku = store.product(1299, 5);
			String cart = store.cartWith(store.api(), sku, 2);
			ApiClient.Response checkout = store.api()
				.with("Idempotency-Key", "restart-" + sku)
				.post("/api/v1/checkout", StoreFixture.checkout(cart, "guest@example.com", "tok_visa"));
			assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
			orderId = checkout.text("orderId");

			try (Connection counting = first.getBean(DataSource.class).getConnection()) {
				counting.setAutoCommit(false);
				assertThat(lockStockRow(counting, sku)).isEqualTo(3);

				ApiClient.Response cancelled = store.admin()
					.post("/api/v1/admin/orders/" + orderId + "/transitions", Map.of("to", "CANCELLED"));
				assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
				EventPublicationRegistry registry = first.getBean(EventPublicationRegistry.class);
				await().atMost(PATIENCE)
					.until(() -> registry.findIncompletePublications()
						.stream()
						.anyMatch(publication -> about(publication, orderId)
								&& publication.getStatus() == EventPublication.Status.FAILED));

				counting.rollback();
			}
			assertThat(first.getBean(Inventory.class).levels(sku).levels())
				.containsExactly(new StockLevels.Level(Warehouse.MAIN, 3, 0));
		}

		try (ConfigurableApplicationContext second = start()) {
			Inventory inventory = second.getBean(Inventory.class);
			CompletedEventPublications completed = second.getBean(CompletedEventPublications.class);

			await().atMost(PATIENCE)
				.untilAsserted(
						() -> assertThat(completed.findAll()).anyMatch(publication -> about(publication, orderId)));

			assertThat(inventory.levels(sku).levels()).containsExactly(new StockLevels.Level(Warehouse.MAIN, 5, 0));
			assertThat(second.getBean(EventPublicationRegistry.class).findIncompletePublications())
				.noneMatch(publication -> about(publication, orderId));
			ApiClient.Response order = new StoreFixture(port(second)).admin().get("/api/v1/orders/" + orderId);
			assertThat(order.json().path("status").asString()).isEqualTo("CANCELLED");
			assertThat(order.json().path("history"))
				.filteredOn(step -> step.path("actor").asString().equals("inventory"))
				.singleElement()
				.satisfies(
						step -> assertThat(step.path("note").asString()).isEqualTo("2 × " + sku + " returned to main"));
		}
	}

	private ConfigurableApplicationContext start(String... arguments) {
		return EmbeddedNode.start(this.dataDir, arguments);
	}

	private static int port(ConfigurableApplicationContext context) {
		return EmbeddedNode.port(context);
	}

	/** Locks the SKU's stock row in main until the connection's transaction ends. */
	private static int lockStockRow(Connection connection, String sku) throws Exception {
		try (PreparedStatement lock = connection
			.prepareStatement("select on_hand from inventory_stock where sku = ? and warehouse = 'main' for update")) {
			lock.setString(1, sku);
			try (ResultSet row = lock.executeQuery()) {
				assertThat(row.next()).isTrue();
				return row.getInt(1);
			}
		}
	}

	private static boolean about(EventPublication publication, String orderId) {
		return publication.getEvent() instanceof OrderCancelled cancelled
				&& cancelled.orderId().toString().equals(orderId);
	}

}
