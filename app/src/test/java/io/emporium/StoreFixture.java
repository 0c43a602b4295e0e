package io.emporium;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Arranges a store over its public API: an admin, customers, products with stock, carts.
 */
public final class StoreFixture {

	public static final String ADMIN_EMAIL = "admin@emporium.local";

	public static final String ADMIN_PASSWORD = "emporium-admin";

	private final ApiClient api;

	private String adminToken;

	public StoreFixture(int port) {
		this.api = new ApiClient(port);
	}

	public ApiClient api() {
		return this.api;
	}

	public ApiClient admin() {
		if (this.adminToken == null) {
			ApiClient.Response login = this.api.post("/api/v1/auth/login",
					Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
			assertThat(login.status()).as(login.toString()).isEqualTo(200);
			this.adminToken = login.text("accessToken");
		}
		return this.api.as(this.adminToken);
	}

	/** Registers a new customer and returns a client acting as them. */
	public Customer customer() {
		String email = "shopper-" + UUID.randomUUID() + "@example.com";
		ApiClient.Response registered = this.api.post("/api/v1/auth/register",
				Map.of("email", email, "password", "correct horse battery"));
		assertThat(registered.status()).as(registered.toString()).isIn(200, 201);
		return new Customer(email, registered.text("customerId"), this.api.as(registered.text("accessToken")));
	}

	/**
	 * Creates a one-variant product with stock in the main warehouse; returns its SKU.
	 */
	public String product(long priceCents, int onHand) {
		String sku = "SKU-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		ApiClient.Response created = admin().post("/api/v1/admin/products",
				Map.of("title", "Test book " + sku, "slug", "test-book-" + sku.toLowerCase(), "description",
						"A book made for a test.", "categories", List.of(), "attributes", Map.of("author", "A. Tester"),
						"variants", List.of(Map.of("sku", sku, "title", "Paperback", "price",
								Map.of("amount", priceCents, "currency", "EUR")))));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		ApiClient.Response stocked = admin().put("/api/v1/admin/inventory/" + sku,
				Map.of("warehouse", "main", "onHand", onHand));
		assertThat(stocked.status()).as(stocked.toString()).isEqualTo(200);
		return sku;
	}

	/** Changes the price of a product made by {@link #product}. */
	public void reprice(String sku, long priceCents) {
		ApiClient.Response updated = admin().put("/api/v1/admin/products/test-book-" + sku.toLowerCase(),
				Map.of("title", "Test book " + sku, "description", "A book made for a test.", "categories", List.of(),
						"attributes", Map.of("author", "A. Tester"), "variants", List.of(Map.of("sku", sku, "title",
								"Paperback", "price", Map.of("amount", priceCents, "currency", "EUR")))));
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
	}

	/**
	 * A new cart (the caller's own when signed in) holding this SKU; returns the cart id.
	 */
	public String cartWith(ApiClient as, String sku, int quantity) {
		ApiClient.Response cart = as.post("/api/v1/carts", null);
		assertThat(cart.status()).as(cart.toString()).isIn(200, 201);
		String id = cart.text("id");
		ApiClient.Response added = as.post("/api/v1/carts/" + id + "/items", Map.of("sku", sku, "quantity", quantity));
		assertThat(added.status()).as(added.toString()).isEqualTo(200);
		return id;
	}

	/** The payments made for a cart, newest first, as admins see them. */
	public List<JsonNode> payments(String cartId) {
		ApiClient.Response payments = admin().get("/api/v1/admin/payments?cartId=" + cartId + "&size=100");
		assertThat(payments.status()).as(payments.toString()).isEqualTo(200);
		List<JsonNode> items = new ArrayList<>();
		payments.json().path("items").forEach(items::add);
		return items;
	}

	/** On hand and reserved of a SKU in the main warehouse. */
	public Level stock(String sku) {
		ApiClient.Response stock = admin().get("/api/v1/admin/inventory/" + sku);
		assertThat(stock.status()).as(stock.toString()).isEqualTo(200);
		for (JsonNode level : stock.json().path("levels")) {
			if (level.path("warehouse").asText().equals("main")) {
				return new Level(level.path("onHand").asInt(), level.path("reserved").asInt());
			}
		}
		return new Level(0, 0);
	}

	/** The cart's status as its holder sees it. */
	public String cartStatus(ApiClient as, String cartId) {
		ApiClient.Response cart = as.get("/api/v1/carts/" + cartId);
		assertThat(cart.status()).as(cart.toString()).isEqualTo(200);
		return cart.text("status");
	}

	public static Map<String, Object> checkout(String cartId, String email, String token) {
		return Map.of(
				"cartId", cartId, "email", email, "shippingAddress", Map.of("name", "Ada Lovelace", "line1",
						"1 Analytical Way", "city", "Berlin", "postalCode", "10115", "country", "DE"),
				"payment", Map.of("token", token));
	}

	public record Level(int onHand, int reserved) {
	}

	public record Customer(String email, String id, ApiClient api) {
	}

}
