package io.emporium.payments;

import java.util.List;
import java.util.UUID;

import io.emporium.ApiClient;
import io.emporium.HttpTestSupport;
import io.emporium.StoreFixture;
import io.emporium.platform.Money;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Merchants look payments up over HTTP, with every gateway call made for them. */
class AdminPaymentsHttpTests extends HttpTestSupport {

	@Autowired
	Payments payments;

	@Test
	void showsACheckoutsPaymentWithItsCalls() {
		String sku = this.store.product(1450, 5);
		String cartId = this.store.cartWith(this.store.api(), sku, 2);
		ApiClient.Response checkout = this.store.api()
			.with("Idempotency-Key", UUID.randomUUID().toString())
			.post("/api/v1/checkout", StoreFixture.checkout(cartId, "payer@example.com", "tok_visa"));
		assertThat(checkout.status()).as(checkout.toString()).isEqualTo(201);
		String orderId = checkout.text("orderId");

		await().untilAsserted(() -> assertThat(page("?cartId=" + cartId).path("items").get(0).path("status").asString())
			.isEqualTo("CAPTURED"));
		JsonNode page = page("?cartId=" + cartId);

		assertThat(page.path("total").asLong()).isEqualTo(1);
		JsonNode payment = page.path("items").get(0);
		assertThat(payment.path("gateway").asString()).isEqualTo("sandbox");
		assertThat(payment.path("amount").path("amount").asLong()).isEqualTo(2900);
		assertThat(payment.path("amount").path("currency").asString()).isEqualTo("EUR");
		assertThat(payment.path("orderId").asString()).isEqualTo(orderId);
		assertThat(payment.path("cartId").asString()).isEqualTo(cartId);
		assertThat(payment.path("createdAt").asString()).isNotBlank();
		assertThat(payment.path("calls")
			.valueStream()
			.map(call -> call.path("operation").asString() + " " + call.path("outcome").asString() + " "
					+ call.path("amount").path("amount").asLong()))
			.containsExactly("AUTHORIZE SUCCEEDED 2900", "CAPTURE SUCCEEDED 2900");
		assertThat(payment.path("calls").get(0).path("at").asString()).isNotBlank();
		ApiClient.Response one = this.store.admin().get("/api/v1/admin/payments/" + payment.path("id").asString());
		assertThat(one.status()).isEqualTo(200);
		assertThat(one.json().path("orderId").asString()).isEqualTo(orderId);
		assertThat(one.json().path("calls").size()).isEqualTo(2);
		await().untilAsserted(() -> assertThat(
				this.store.admin().get("/api/v1/admin/orders/" + orderId).json().path("history").valueStream())
			.anySatisfy(step -> assertThat(step.path("note").asString()).isEqualTo("captured 29.00 EUR")));
	}

	@Test
	void filtersByCartOrderAndStatusNewestFirst() {
		String cartId = "cart-" + UUID.randomUUID();
		Authorization first = authorize(cartId, 500);
		Authorization second = authorize(cartId, 700);
		UUID orderId = UUID.randomUUID();
		this.payments.capture(second.paymentId(), orderId);

		JsonNode all = page("?cartId=" + cartId);
		JsonNode authorized = page("?cartId=" + cartId + "&status=AUTHORIZED");
		JsonNode ofOrder = page("?orderId=" + orderId);
		JsonNode paged = page("?cartId=" + cartId + "&page=1&size=1");

		assertThat(ids(all)).containsExactly(second.paymentId().toString(), first.paymentId().toString());
		assertThat(all.path("total").asLong()).isEqualTo(2);
		assertThat(ids(authorized)).containsExactly(first.paymentId().toString());
		assertThat(ids(ofOrder)).containsExactly(second.paymentId().toString());
		assertThat(ids(paged)).containsExactly(first.paymentId().toString());
		assertThat(paged.path("total").asLong()).isEqualTo(2);
		assertThat(paged.path("page").asInt()).isEqualTo(1);
		assertThat(paged.path("size").asInt()).isEqualTo(1);
	}

	@Test
	void answersBadFiltersWithAProblem() {
		ApiClient admin = this.store.admin();

		for (String query : List.of("?status=LOST", "?orderId=not-a-uuid", "?page=-1", "?size=0")) {
			ApiClient.Response response = admin.get("/api/v1/admin/payments" + query);
			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.isProblem()).as(query).isTrue();
		}
		ApiClient.Response missing = admin.get("/api/v1/admin/payments/" + UUID.randomUUID());
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.isProblem()).isTrue();
		assertThat(admin.get("/api/v1/admin/payments/not-a-uuid").status()).isEqualTo(400);
	}

	@Test
	void keepsPaymentsFromAnyoneButAdmins() {
		ApiClient.Response anonymous = this.store.api().get("/api/v1/admin/payments");
		ApiClient.Response customer = this.store.customer().api().get("/api/v1/admin/payments");

		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(customer.status()).isEqualTo(403);
		assertThat(this.store.customer().api().get("/api/v1/admin/payments/" + UUID.randomUUID()).status())
			.isEqualTo(403);
	}

	private Authorization authorize(String cartId, long cents) {
		return this.payments
			.authorize(new PaymentRequest(UUID.randomUUID().toString(), "tok_visa", Money.of(cents, "EUR"), cartId));
	}

	private JsonNode page(String query) {
		ApiClient.Response response = this.store.admin().get("/api/v1/admin/payments" + query);
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private static List<String> ids(JsonNode page) {
		return page.path("items").valueStream().map(item -> item.path("id").asString()).toList();
	}

}
