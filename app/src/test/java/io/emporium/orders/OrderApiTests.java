package io.emporium.orders;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The orders HTTP API through the real security filter chain. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class OrderApiTests {

	private static final String PROBLEMS = "https://emporium.dev/problems/";

	@Autowired
	WebApplicationContext context;

	@Autowired
	Orders orders;

	MockMvc mvc;

	@BeforeEach
	void setUp() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	@Test
	void showsTheOwnerTheirOrderWithLinesAndHistory() throws Exception {
		UUID customer = UUID.randomUUID();
		PlacedOrder placed = this.orders.placePaid(TestOrders.forCustomer(customer));

		this.mvc.perform(get("/api/v1/orders/{id}", placed.orderId()).with(customer(customer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(placed.orderId().toString()))
			.andExpect(jsonPath("$.number").isNumber())
			.andExpect(jsonPath("$.status").value("PAID"))
			.andExpect(jsonPath("$.shippingAddress.city").value("London"))
			.andExpect(jsonPath("$.lines", hasSize(2)))
			.andExpect(jsonPath("$.lines[0].unitPrice.amount").value(1299))
			.andExpect(jsonPath("$.lines[0].lineTotal.amount").value(2598))
			.andExpect(jsonPath("$.lines[0].lineTotal.currency").value("EUR"))
			.andExpect(jsonPath("$.total.amount").value(3597))
			.andExpect(jsonPath("$.createdAt").isString())
			.andExpect(jsonPath("$.history[*].to", contains("PLACED", "PAID")))
			.andExpect(jsonPath("$.history[0].actor").doesNotExist());
	}

	@Test
	void showsAnyOrderToAnAdminWithWhoChangedIt() throws Exception {
		PlacedOrder placed = this.orders.placePaid(TestOrders.forCustomer(UUID.randomUUID()));

		this.mvc.perform(get("/api/v1/orders/{id}", placed.orderId()).with(admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.history[1].actor").value("system"));
		this.mvc.perform(get("/api/v1/admin/orders/{id}", placed.orderId()).with(admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.history", hasSize(2)))
			.andExpect(jsonPath("$.history[0].from").doesNotExist())
			.andExpect(jsonPath("$.history[0].actor").value(startsWith("customer:")));
	}

	@Test
	void showsAGuestOrderToWhoeverHoldsItsToken() throws Exception {
		PlacedOrder placed = this.orders.placePaid(TestOrders.forCustomer(null));

		this.mvc.perform(get("/api/v1/orders/{id}", placed.orderId()).header("X-Order-Token", placed.orderToken()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("PAID"));
	}

	@Test
	void hidesAnOrderFromEveryoneElseAsNotFound() throws Exception {
		UUID customer = UUID.randomUUID();
		PlacedOrder placed = this.orders.placePaid(TestOrders.forCustomer(customer));
		PlacedOrder other = this.orders.placePaid(TestOrders.forCustomer(null));

		expectNotFound(get("/api/v1/orders/{id}", placed.orderId()).with(customer(UUID.randomUUID())));
		expectNotFound(get("/api/v1/orders/{id}", placed.orderId()));
		expectNotFound(get("/api/v1/orders/{id}", placed.orderId()).header("X-Order-Token", "wrong"));
		expectNotFound(get("/api/v1/orders/{id}", placed.orderId()).header("X-Order-Token", other.orderToken()));
		expectNotFound(get("/api/v1/orders/{id}", UUID.randomUUID()).with(customer(customer)));
	}

	@Test
	void listsOnlyTheCallersOrdersNewestFirst() throws Exception {
		UUID customer = UUID.randomUUID();
		PlacedOrder first = this.orders.placePaid(TestOrders.forCustomer(customer));
		PlacedOrder second = this.orders.placePaid(TestOrders.forCustomer(customer));
		this.orders.placePaid(TestOrders.forCustomer(UUID.randomUUID()));

		this.mvc.perform(get("/api/v1/me/orders").with(customer(customer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(20))
			.andExpect(jsonPath("$.items[*].id", contains(second.orderId().toString(), first.orderId().toString())));
		this.mvc.perform(get("/api/v1/me/orders?page=1&size=1").with(customer(customer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.items[*].id", contains(first.orderId().toString())));
	}

	@Test
	void asksAnonymousCallersToSignInForTheirOrders() throws Exception {
		this.mvc.perform(get("/api/v1/me/orders"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(PROBLEMS + "unauthorized"))
			.andExpect(header().string("WWW-Authenticate", startsWith("Bearer")));
	}

	@Test
	void capsThePageSizeAndRefusesNegativePaging() throws Exception {
		UUID customer = UUID.randomUUID();

		this.mvc.perform(get("/api/v1/me/orders?size=1000").with(customer(customer)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.size").value(100));
		this.mvc.perform(get("/api/v1/me/orders?page=-1").with(customer(customer))).andExpect(status().isBadRequest());
		this.mvc.perform(get("/api/v1/admin/orders?size=-5").with(admin())).andExpect(status().isBadRequest());
	}

	@Test
	void filtersOrdersForAdmins() throws Exception {
		String email = UUID.randomUUID() + "@Example.com";
		PlacedOrder paid = this.orders.placePaid(TestOrders.forCustomer(null, email));
		PlacedOrder cancelled = this.orders.placePaid(TestOrders.forCustomer(null, email));
		transition(cancelled.orderId(), "{\"to\":\"CANCELLED\"}").andExpect(status().isOk());

		this.mvc.perform(get("/api/v1/admin/orders").param("email", email.toLowerCase()).with(admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2));
		this.mvc.perform(get("/api/v1/admin/orders").param("email", email).param("status", "PAID").with(admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].id").value(paid.orderId().toString()));
		this.mvc
			.perform(get("/api/v1/admin/orders").param("email", email)
				.param("from", "2000-01-01T00:00:00Z")
				.param("to", "2001-01-01T00:00:00Z")
				.with(admin()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(0));
		this.mvc.perform(get("/api/v1/admin/orders").param("status", "LOST").with(admin()))
			.andExpect(status().isBadRequest());
	}

	@Test
	void keepsAdminEndpointsFromCustomers() throws Exception {
		this.mvc.perform(get("/api/v1/admin/orders").with(customer(UUID.randomUUID())))
			.andExpect(status().isForbidden());
	}

	@Test
	void movesAnOrderAlongItsLifeCycle() throws Exception {
		PlacedOrder placed = this.orders.placePaid(TestOrders.forCustomer(null));

		transition(placed.orderId(), "{\"to\":\"FULFILLED\",\"note\":\"packed\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("FULFILLED"))
			.andExpect(jsonPath("$.history", hasSize(3)))
			.andExpect(jsonPath("$.history[2].note").value("packed"))
			.andExpect(jsonPath("$.history[2].actor", startsWith("admin:")));
	}

	@Test
	void refusesAnIllegalTransitionNamingBothStatuses() throws Exception {
		PlacedOrder placed = this.orders.placePaid(TestOrders.forCustomer(null));

		transition(placed.orderId(), "{\"to\":\"SHIPPED\"}").andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(PROBLEMS + "order-state-conflict"))
			.andExpect(jsonPath("$.from").value("PAID"))
			.andExpect(jsonPath("$.to").value("SHIPPED"));
	}

	@Test
	void refusesUnknownStatusesMissingTargetsAndUnknownOrders() throws Exception {
		PlacedOrder placed = this.orders.placePaid(TestOrders.forCustomer(null));

		transition(placed.orderId(), "{\"to\":\"TELEPORTED\"}").andExpect(status().isBadRequest());
		transition(placed.orderId(), "{}").andExpect(status().isBadRequest());
		transition(UUID.randomUUID(), "{\"to\":\"SHIPPED\"}").andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value(PROBLEMS + "not-found"));
	}

	private ResultActions transition(UUID orderId, String body) throws Exception {
		return this.mvc.perform(post("/api/v1/admin/orders/{id}/transitions", orderId).with(admin())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private void expectNotFound(MockHttpServletRequestBuilder request) throws Exception {
		this.mvc.perform(request)
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value(PROBLEMS + "not-found"));
	}

	private static RequestPostProcessor customer(UUID customerId) {
		return jwt().jwt((token) -> token.subject(customerId.toString()))
			.authorities(new SimpleGrantedAuthority("ROLE_CUSTOMER"));
	}

	private static RequestPostProcessor admin() {
		return jwt().jwt((token) -> token.subject(UUID.randomUUID().toString()))
			.authorities(new SimpleGrantedAuthority("ROLE_ADMIN"));
	}

}
