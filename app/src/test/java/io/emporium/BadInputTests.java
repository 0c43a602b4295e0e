package io.emporium;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a clear 4xx problem+json answer, never a 5xx or a stack trace. */
class BadInputTests extends HttpTestSupport {

	@Test
	void malformedJsonIsBadRequest() {
		String cart = this.store.api().post("/api/v1/carts", null).text("id");

		ApiClient.Response response = this.store.api().postRaw("/api/v1/carts/" + cart + "/items", "{\"sku\": ");

		assertProblem(response, 400);
	}

	@Test
	void wrongTypeIsBadRequest() {
		String cart = this.store.api().post("/api/v1/carts", null).text("id");

		ApiClient.Response response = this.store.api()
			.postRaw("/api/v1/carts/" + cart + "/items", "{\"sku\":\"X\",\"quantity\":\"many\"}");

		assertProblem(response, 400);
	}

	@Test
	void unknownFieldIsBadRequest() {
		String cart = this.store.api().post("/api/v1/carts", null).text("id");

		ApiClient.Response response = this.store.api()
			.post("/api/v1/carts/" + cart + "/items", Map.of("sku", "X", "quantity", 1, "price", 1));

		assertProblem(response, 400);
	}

	@Test
	void invalidFieldsAreListed() {
		String cart = this.store.api().post("/api/v1/carts", null).text("id");

		ApiClient.Response response = this.store.api()
			.post("/api/v1/carts/" + cart + "/items", Map.of("sku", "", "quantity", 0));

		assertProblem(response, 400);
		assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("quantity", "sku");
	}

	@Test
	void hugeBodyIsRefused() {
		String cart = this.store.api().post("/api/v1/carts", null).text("id");

		ApiClient.Response response = this.store.api()
			.postRaw("/api/v1/carts/" + cart + "/items",
					"{\"sku\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"quantity\":1}");

		assertProblem(response, 413);
	}

	@Test
	void hugeChunkedBodyWithoutLengthIsRefused() {
		String cart = this.store.api().post("/api/v1/carts", null).text("id");
		byte[] body = ("{\"sku\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"quantity\":1}")
			.getBytes(StandardCharsets.UTF_8);

		ApiClient.Response response = this.store.api().postChunked("/api/v1/carts/" + cart + "/items", body);

		assertProblem(response, 413);
		assertThat(response.text("type")).isEqualTo("https://emporium.dev/problems/body-too-large");
	}

	@Test
	void badPathVariableIsBadRequest() {
		String cart = this.store.api().post("/api/v1/carts", null).text("id");

		ApiClient.Response response = this.store.api().delete("/api/v1/carts/" + cart + "/items/not-a-uuid");

		assertProblem(response, 400);
	}

	@Test
	void pathsTheFirewallRejectsAreProblems() {
		for (String path : new String[] { "/api/v1/products/a%2Fb", "/api/v1/carts/x;jsessionid=1", "/api/v1//products",
				"/api/v1/products/%25", "/api/v1/products/..%2F..%2Fetc" }) {
			ApiClient.Response response = this.store.api().get(path);

			assertThat(response.status()).as(path).isBetween(400, 499);
			assertThat(response.isProblem()).as(path + " " + response).isTrue();
		}
	}

	@Test
	void unknownCartIsNotFound() {
		assertProblem(this.store.api().get("/api/v1/carts/does-not-exist"), 404);
	}

	@Test
	void unsupportedMethodIsRefused() {
		assertProblem(this.store.api().send("PUT", "/api/v1/carts", "{}"), 405);
	}

	@Test
	void checkoutWithInvalidAddressListsTheFields() {
		String cart = this.store.api().post("/api/v1/carts", null).text("id");

		ApiClient.Response response = this.store.api()
			.with("Idempotency-Key", "bad-address")
			.post("/api/v1/checkout",
					Map.of("cartId", cart, "email", "not-an-email", "shippingAddress",
							Map.of("name", "", "line1", "x", "city", "y", "postalCode", "1", "country", "Germany"),
							"payment", Map.of("token", "tok_visa")));

		assertProblem(response, 400);
		assertThat(response.json().path("errors").findValuesAsString("field")).contains("email",
				"shippingAddress.country", "shippingAddress.name");
	}

	private static void assertProblem(ApiClient.Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.isProblem()).as(response.contentType()).isTrue();
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.emporium");
	}

}
