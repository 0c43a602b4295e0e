package io.emporium.catalog.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The catalog over HTTP: storefront reads, admin writes, errors and HTTP caching. Each
 * test files its products under its own fresh category tree, so tests sharing the
 * database never see each other's products.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CatalogHttpTests {

	@Autowired
	WebApplicationContext context;

	@LocalServerPort
	int port;

	private final HttpClient client = HttpClient.newHttpClient();

	private MockMvc http;

	private String run;

	@BeforeEach
	void setUp() throws Exception {
		this.http = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
		this.run = UUID.randomUUID().toString().substring(0, 8);
		category("books-" + this.run, "Books", null);
		category("fantasy-" + this.run, "Fantasy", "books-" + this.run);
		category("crime-" + this.run, "Crime", "books-" + this.run);
	}

	@Test
	void listsProductsOfACategoryAndItsSubCategoriesSortedByTitle() throws Exception {
		product("Zebra Tales", "fantasy", "ZT", 1500);
		product("Apple Murders", "crime", "AM", 999);
		product("Middle Earth Atlas", "books", "ME", 2500);

		this.http.perform(get("/api/v1/products").param("category", "books-" + this.run))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(20))
			.andExpect(
					jsonPath("$.items[*].title").value(contains("Apple Murders", "Middle Earth Atlas", "Zebra Tales")))
			.andExpect(jsonPath("$.items[0].price.amount").value(999))
			.andExpect(jsonPath("$.items[0].price.currency").value("EUR"))
			.andExpect(jsonPath("$.items[0].variants[0].sku").value("AM-" + this.run + "-PB"))
			.andExpect(jsonPath("$.items[0].variants[0].available").value(0));
		this.http.perform(get("/api/v1/products").param("category", "crime-" + this.run))
			.andExpect(jsonPath("$.total").value(1));
	}

	@Test
	void paginatesWithAStableOrderAndATotal() throws Exception {
		product("Book A", "crime", "BA", 100);
		product("Book B", "crime", "BB", 100);
		product("Book C", "crime", "BC", 100);

		this.http.perform(get("/api/v1/products").param("category", "crime-" + this.run).param("size", "2"))
			.andExpect(jsonPath("$.items[*].title").value(contains("Book A", "Book B")))
			.andExpect(jsonPath("$.total").value(3));
		this.http.perform(
				get("/api/v1/products").param("category", "crime-" + this.run).param("size", "2").param("page", "1"))
			.andExpect(jsonPath("$.items[*].title").value(contains("Book C")));
	}

	@Test
	void capsThePageSizeAndRejectsNegativePaging() throws Exception {
		this.http.perform(get("/api/v1/products").param("size", "1000"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.size").value(100));
		this.http.perform(get("/api/v1/products").param("page", "-1"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.http.perform(get("/api/v1/products").param("size", "-5")).andExpect(status().isBadRequest());
	}

	@Test
	void showsAProductWithItsDetailsAndAvailability() throws Exception {
		product("The Long Night", "fantasy", "LN", 1299);
		this.http
			.perform(
					admin(put("/api/v1/admin/inventory/LN-" + this.run + "-PB")).contentType(MediaType.APPLICATION_JSON)
						.content("""
								{"warehouse":"main","onHand":12}"""))
			.andExpect(status().isOk());

		this.http.perform(get("/api/v1/products/the-long-night-" + this.run))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.title").value("The Long Night"))
			.andExpect(jsonPath("$.description").value("A book."))
			.andExpect(jsonPath("$.attributes.author").value("Ann Author"))
			.andExpect(jsonPath("$.media[0]").value("https://img.example/cover.jpg"))
			.andExpect(jsonPath("$.categories").value(contains("fantasy-" + this.run)))
			.andExpect(jsonPath("$.price.amount").value(1299))
			.andExpect(jsonPath("$.variants", hasSize(2)))
			.andExpect(jsonPath("$.variants[0].available").value(12))
			.andExpect(jsonPath("$.variants[1].title").value("Hardcover"))
			.andExpect(jsonPath("$.variants[1].price.amount").value(2299));
	}

	@Test
	void answersAnUnknownProductWithNotFoundProblem() throws Exception {
		this.http.perform(get("/api/v1/products/no-such-book-" + this.run))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://emporium.dev/problems/not-found"));
	}

	@Test
	void answersARepeatedReadWithNotModified() throws Exception {
		product("Cached Book", "crime", "CB", 500);
		String path = "/api/v1/products/cached-book-" + this.run;

		HttpResponse<String> first = real(path, null);
		String etag = first.headers().firstValue(HttpHeaders.ETAG).orElseThrow();
		HttpResponse<String> repeat = real(path, etag);
		HttpResponse<String> list = real("/api/v1/products", "\"other\"");

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue(HttpHeaders.CACHE_CONTROL)).hasValue("max-age=5, public");
		assertThat(repeat.statusCode()).isEqualTo(304);
		assertThat(repeat.body()).isEmpty();
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.headers().firstValue(HttpHeaders.ETAG)).isPresent();
	}

	@Test
	void servesTheCategoryTree() throws Exception {
		this.http.perform(get("/api/v1/categories"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[?(@.slug == 'books-" + this.run + "')].children[*].slug")
				.value(containsInAnyOrder("fantasy-" + this.run, "crime-" + this.run)));
	}

	@Test
	void refusesInvalidProductsWithFieldErrors() throws Exception {
		this.http.perform(admin(post("/api/v1/admin/products")).contentType(MediaType.APPLICATION_JSON).content("""
				{"title":"","variants":[{"sku":"","title":"Paperback","price":{"amount":-1,"currency":"euro"}}]}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("https://emporium.dev/problems/validation"))
			.andExpect(jsonPath("$.errors[*].field")
				.value(hasItems("title", "variants[0].sku", "variants[0].price.amount", "variants[0].price.currency")));
		this.http.perform(admin(post("/api/v1/admin/products")).contentType(MediaType.APPLICATION_JSON).content("""
				{"title":"No variants","variants":[]}""")).andExpect(status().isBadRequest());
	}

	@Test
	void refusesDuplicatesAndUnknownCategories() throws Exception {
		product("Only Once", "crime", "OO", 100);

		this.http
			.perform(admin(post("/api/v1/admin/products")).contentType(MediaType.APPLICATION_JSON)
				.content(body("Only Once", "crime", "XX", 100)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://emporium.dev/problems/duplicate-slug"));
		this.http
			.perform(admin(post("/api/v1/admin/products")).contentType(MediaType.APPLICATION_JSON)
				.content(body("Other Title", "crime", "OO", 100)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.type").value("https://emporium.dev/problems/duplicate-sku"));
		this.http
			.perform(admin(post("/api/v1/admin/products")).contentType(MediaType.APPLICATION_JSON)
				.content(body("Lost Book", "nowhere", "LB", 100)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.type").value("https://emporium.dev/problems/unknown-category"));
	}

	@Test
	void updatesAProductAndShowsTheNewPriceAtOnce() throws Exception {
		product("Price Watch", "crime", "PW", 1000);
		this.http.perform(get("/api/v1/products/price-watch-" + this.run))
			.andExpect(jsonPath("$.price.amount").value(1000));

		this.http
			.perform(
					admin(put("/api/v1/admin/products/price-watch-" + this.run)).contentType(MediaType.APPLICATION_JSON)
						.content(
								"""
										{"title":"Price Watch","description":"Now cheaper.","categories":["fantasy-%1$s"],
										 "attributes":{"author":"Ann Author"},
										 "variants":[{"sku":"PW-%1$s-PB","title":"Paperback","price":{"amount":800,"currency":"EUR"}}]}"""
									.formatted(this.run)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.variants", hasSize(1)));

		this.http.perform(get("/api/v1/products/price-watch-" + this.run))
			.andExpect(jsonPath("$.price.amount").value(800))
			.andExpect(jsonPath("$.description").value("Now cheaper."))
			.andExpect(jsonPath("$.categories").value(contains("fantasy-" + this.run)))
			.andExpect(jsonPath("$.variants", hasSize(1)));
	}

	@Test
	void keepsAdminWritesForAdmins() throws Exception {
		this.http
			.perform(post("/api/v1/admin/products").contentType(MediaType.APPLICATION_JSON)
				.content(body("Sneaky", "crime", "SN", 1)))
			.andExpect(status().is4xxClientError());
		this.http
			.perform(post("/api/v1/admin/products").with(jwt())
				.contentType(MediaType.APPLICATION_JSON)
				.content(body("Sneaky", "crime", "SN", 1)))
			.andExpect(status().isForbidden());
	}

	@Test
	void refusesADuplicateCategoryAndAnUnknownParent() throws Exception {
		this.http.perform(admin(post("/api/v1/admin/categories")).contentType(MediaType.APPLICATION_JSON).content("""
				{"slug":"books-%s","name":"Again"}""".formatted(this.run))).andExpect(status().isConflict());
		this.http.perform(admin(post("/api/v1/admin/categories")).contentType(MediaType.APPLICATION_JSON).content("""
				{"slug":"orphan-%s","name":"Orphan","parent":"nope-%s"}""".formatted(this.run, this.run)))
			.andExpect(status().isUnprocessableContent());
	}

	private void category(String slug, String name, String parent) throws Exception {
		String json = (parent == null) ? """
				{"slug":"%s","name":"%s"}""".formatted(slug, name) : """
				{"slug":"%s","name":"%s","parent":"%s"}""".formatted(slug, name, parent);
		this.http.perform(admin(post("/api/v1/admin/categories")).contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isCreated());
	}

	private void product(String title, String category, String skuPrefix, long price) throws Exception {
		this.http
			.perform(admin(post("/api/v1/admin/products")).contentType(MediaType.APPLICATION_JSON)
				.content(body(title, category, skuPrefix, price)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.slug", startsWith(title.toLowerCase().replace(' ', '-'))));
	}

	private String body(String title, String category, String skuPrefix, long price) {
		return """
				{"title":"%1$s","slug":"%2$s","description":"A book.","categories":["%3$s"],
				 "attributes":{"author":"Ann Author","pages":"320"},"media":["https://img.example/cover.jpg"],
				 "variants":[{"sku":"%4$s-PB","title":"Paperback","price":{"amount":%5$d,"currency":"EUR"}},
				             {"sku":"%4$s-HC","title":"Hardcover","price":{"amount":%6$d,"currency":"EUR"}}]}"""
			.formatted(title, title.toLowerCase().replace(' ', '-') + "-" + this.run, category + "-" + this.run,
					skuPrefix + "-" + this.run, price, price + 1000);
	}

	/**
	 * Over a real socket: the ETag filter sits in the servlet container, not in MockMvc.
	 */
	private HttpResponse<String> real(String path, String ifNoneMatch) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (ifNoneMatch != null) {
			request.header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
		return request.with(jwt().authorities(new SimpleGrantedAuthority("ROLE_ADMIN")));
	}

}
