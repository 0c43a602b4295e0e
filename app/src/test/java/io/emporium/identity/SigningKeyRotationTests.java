package io.emporium.identity;

import java.util.Objects;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import io.emporium.ApiClient;
import io.emporium.HttpTestSupport;
import io.emporium.StoreFixture.Customer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An admin rolls in a new signing key over HTTP and nobody is signed out. */
class SigningKeyRotationTests extends HttpTestSupport {

	@Test
	void aTokenSignedBeforeARotationStillWorksAfterIt() throws Exception {
		Customer customer = this.store.customer();
		String oldKid = kid(customer);

		ApiClient.Response rotated = this.store.admin().post("/api/v1/admin/signing-keys", null);

		assertThat(rotated.status()).as(rotated.toString()).isEqualTo(201);
		assertThat(rotated.text("kid")).isNotBlank().isNotEqualTo(oldKid);
		assertThat(customer.api().get("/api/v1/me").status()).isEqualTo(200);
		Customer later = this.store.customer();
		assertThat(later.api().get("/api/v1/me").status()).isEqualTo(200);
		JWKSet published = JWKSet.parse(this.store.api().get("/.well-known/jwks.json").body());
		assertThat(published.getKeyByKeyId(oldKid)).isNotNull();
		assertThat(published.getKeyByKeyId(rotated.text("kid"))).isNotNull();
	}

	@Test
	void tokensIssuedAfterARotationNameTheNewKey() throws Exception {
		ApiClient.Response rotated = this.store.admin().post("/api/v1/admin/signing-keys", null);

		Customer customer = this.store.customer();

		assertThat(kid(customer)).isEqualTo(rotated.text("kid"));
	}

	@Test
	void onlyAnAdminRotatesTheKeys() {
		Customer customer = this.store.customer();

		ApiClient.Response asCustomer = customer.api().post("/api/v1/admin/signing-keys", null);
		ApiClient.Response anonymous = this.store.api().post("/api/v1/admin/signing-keys", null);

		assertThat(asCustomer.status()).isEqualTo(403);
		assertThat(asCustomer.isProblem()).isTrue();
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.isProblem()).isTrue();
	}

	private static String kid(Customer customer) throws Exception {
		return SignedJWT.parse(Objects.requireNonNull(customer.api().bearer())).getHeader().getKeyID();
	}

}
