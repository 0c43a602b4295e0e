package io.emporium.platform.security;

import java.util.Map;

import io.emporium.ApiClient;
import io.emporium.HttpTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Catalog reads skip the token filters but keep the firewall and the security headers.
 */
class PublicCatalogReadsTests extends HttpTestSupport {

	@Test
	void catalogReadsIgnoreTokensAndKeepSecurityHeaders() {
		ApiClient.Response response = this.store.api().as("not.a.jwt").get("/api/v1/categories");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
	}

	@Test
	void writesUnderTheSamePathsStillNeedAnAdmin() {
		ApiClient.Response response = this.store.api().post("/api/v1/admin/products", Map.of("title", "x"));

		assertThat(response.status()).isEqualTo(401);
		assertThat(this.store.api().send("POST", "/api/v1/products", "{}").status()).isIn(401, 405);
	}

	@Test
	void otherEndpointsStillRejectABadToken() {
		assertThat(this.store.api().as("not.a.jwt").get("/api/v1/carts/anything").status()).isEqualTo(401);
	}

}
