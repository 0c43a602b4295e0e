package io.emporium.inventory.web;

import java.util.List;
import java.util.UUID;

import io.emporium.inventory.Inventory;
import io.emporium.inventory.StockLine;
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
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Stock and warehouse administration over HTTP, for SKUs the catalog sells. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class InventoryAdminHttpTests {

	@Autowired
	WebApplicationContext context;

	@Autowired
	Inventory inventory;

	private MockMvc http;

	private String sku;

	@BeforeEach
	void setUp() throws Exception {
		this.http = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		String run = UUID.randomUUID().toString().substring(0, 8);
		this.sku = "INV-" + run;
		this.http
			.perform(admin(post("/api/v1/admin/products")).contentType(MediaType.APPLICATION_JSON)
				.content(
						"""
								{"title":"Stock Book %1$s","variants":[{"sku":"%2$s","title":"Paperback","price":{"amount":999,"currency":"EUR"}}]}"""
							.formatted(run, this.sku)))
			.andExpect(status().isCreated());
	}

	@Test
	void setsAndShowsStockPerWarehouse() throws Exception {
		count(this.sku, """
				{"warehouse":"main","onHand":50}""").andExpect(status().isOk())
			.andExpect(jsonPath("$.sku").value(this.sku))
			.andExpect(jsonPath("$.levels[0].warehouse").value("main"))
			.andExpect(jsonPath("$.levels[0].onHand").value(50))
			.andExpect(jsonPath("$.levels[0].reserved").value(0));
		this.inventory.reserve(List.of(new StockLine(this.sku, 2)));

		this.http.perform(admin(get("/api/v1/admin/inventory/" + this.sku)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.levels[0].reserved").value(2));
	}

	@Test
	void refusesBadCounts() throws Exception {
		count(this.sku, """
				{"warehouse":"main","onHand":5}""").andExpect(status().isOk());
		this.inventory.reserve(List.of(new StockLine(this.sku, 3)));

		count(this.sku, """
				{"warehouse":"main","onHand":2}""").andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://emporium.dev/problems/stock-below-reserved"));
		count(this.sku, """
				{"warehouse":"main","onHand":-1}""").andExpect(status().isBadRequest());
		count(this.sku, """
				{"warehouse":"atlantis","onHand":1}""").andExpect(status().isNotFound());
		count("NOT-SOLD-" + this.sku, """
				{"warehouse":"main","onHand":1}""").andExpect(status().isNotFound());
	}

	@Test
	void listsAndCreatesWarehouses() throws Exception {
		String code = "wh-" + this.sku.toLowerCase().substring(4);
		String json = """
				{"code":"%s","name":"Hamburg","priority":30}""".formatted(code);

		this.http.perform(admin(post("/api/v1/admin/warehouses")).contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isCreated());
		this.http.perform(admin(post("/api/v1/admin/warehouses")).contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isConflict());

		this.http.perform(admin(get("/api/v1/admin/warehouses")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].code").value(hasItem("main")))
			.andExpect(jsonPath("$.items[*].code").value(hasItem(code)));
	}

	private ResultActions count(String sku, String json) throws Exception {
		return this.http.perform(
				admin(put("/api/v1/admin/inventory/" + sku)).contentType(MediaType.APPLICATION_JSON).content(json));
	}

	private static MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
		return request.with(jwt().authorities(new SimpleGrantedAuthority("ROLE_ADMIN")));
	}

}
