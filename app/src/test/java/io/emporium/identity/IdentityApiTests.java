package io.emporium.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-up, sign-in, refresh, the caller's profile and role checks over real HTTP. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class IdentityApiTests {

	private static final String PROBLEMS = "https://emporium.dev/problems/";

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void registeringThenSigningInGivesATokenThatVerifiesAgainstTheJwks() throws Exception {
		String email = uniqueEmail();

		HttpResponse<String> registered = post("/api/v1/auth/register", credentials(email, "correct-horse"), null);
		HttpResponse<String> loggedIn = post("/api/v1/auth/login", credentials(email, "correct-horse"), null);

		assertThat(registered.statusCode()).isEqualTo(201);
		assertThat(loggedIn.statusCode()).isEqualTo(200);
		JsonNode body = read(loggedIn);
		String customerId = read(registered).path("customerId").asString();
		assertThat(body.path("customerId").asString()).isEqualTo(customerId);
		assertThat(body.path("expiresIn").asLong()).isEqualTo(900);
		assertThat(body.path("refreshToken").asString()).isNotBlank();
		SignedJWT jwt = SignedJWT.parse(body.path("accessToken").asString());
		RSAKey publicKey = JWKSet.parse(get("/.well-known/jwks.json", null).body())
			.getKeyByKeyId(jwt.getHeader().getKeyID())
			.toRSAKey();
		assertThat(jwt.verify(new RSASSAVerifier(publicKey))).isTrue();
		assertThat(jwt.getHeader().getKeyID()).isEqualTo(publicKey.getKeyID());
		assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
		assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(customerId);
		assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo("emporium");
		assertThat(jwt.getJWTClaimsSet().getStringListClaim("roles")).containsExactly("CUSTOMER");
		assertThat(jwt.getJWTClaimsSet().getClaims()).doesNotContainKey("email");
		assertThat(jwt.getParsedString()).doesNotContain(email);
	}

	@Test
	void jwksPublishesPublicKeysOnly() throws Exception {
		HttpResponse<String> response = get("/.well-known/jwks.json", null);

		assertThat(response.statusCode()).isEqualTo(200);
		JWKSet keys = JWKSet.parse(response.body());
		assertThat(keys.getKeys()).isNotEmpty().allSatisfy(key -> {
			assertThat(key.isPrivate()).isFalse();
			assertThat(key.getKeyID()).isNotBlank();
		});
		read(response).path("keys").forEach(key -> assertThat(key.has("d")).isFalse());
	}

	@Test
	void wrongPasswordIsUnauthorizedProblemJson() throws Exception {
		String email = uniqueEmail();
		post("/api/v1/auth/register", credentials(email, "correct-horse"), null);

		HttpResponse<String> response = post("/api/v1/auth/login", credentials(email, "wrong-horse"), null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertProblemJson(response);
		assertThat(read(response).path("type").asString()).isEqualTo(PROBLEMS + "invalid-credentials");
	}

	@Test
	void unknownEmailGetsTheSameAnswerAsAWrongPassword() throws Exception {
		String email = uniqueEmail();
		post("/api/v1/auth/register", credentials(email, "correct-horse"), null);

		HttpResponse<String> wrongPassword = post("/api/v1/auth/login", credentials(email, "wrong-horse"), null);
		HttpResponse<String> unknownEmail = post("/api/v1/auth/login", credentials(uniqueEmail(), "wrong-horse"), null);

		assertThat(unknownEmail.statusCode()).isEqualTo(wrongPassword.statusCode());
		assertThat(unknownEmail.body()).isEqualTo(wrongPassword.body());
	}

	@Test
	void signingInIgnoresTheCaseOfTheEmail() throws Exception {
		String email = uniqueEmail();
		post("/api/v1/auth/register", credentials(email, "correct-horse"), null);

		HttpResponse<String> response = post("/api/v1/auth/login", credentials(email.toUpperCase(), "correct-horse"),
				null);

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void duplicateEmailIsAConflictIgnoringCase() throws Exception {
		String email = uniqueEmail();
		post("/api/v1/auth/register", credentials(email, "correct-horse"), null);

		HttpResponse<String> response = post("/api/v1/auth/register", credentials(email.toUpperCase(), "another-horse"),
				null);

		assertThat(response.statusCode()).isEqualTo(409);
		assertProblemJson(response);
		assertThat(read(response).path("type").asString()).isEqualTo(PROBLEMS + "email-taken");
	}

	@Test
	void invalidRegistrationListsTheFieldErrors() throws Exception {
		HttpResponse<String> response = post("/api/v1/auth/register", credentials("not-an-email", "short"), null);

		assertThat(response.statusCode()).isEqualTo(400);
		assertProblemJson(response);
		assertThat(read(response).path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("email",
				"password");
	}

	@Test
	void registrationWithoutFieldsIsABadRequest() throws Exception {
		HttpResponse<String> response = post("/api/v1/auth/register", "{}", null);

		assertThat(response.statusCode()).isEqualTo(400);
		assertProblemJson(response);
		assertThat(read(response).path("errors").findValuesAsString("field")).contains("email", "password");
	}

	@Test
	void refreshRotatesTheTokenAndRejectsTheOldOne() throws Exception {
		JsonNode registered = read(post("/api/v1/auth/register", credentials(uniqueEmail(), "correct-horse"), null));
		String first = registered.path("refreshToken").asString();

		HttpResponse<String> refreshed = post("/api/v1/auth/refresh", refresh(first), null);
		HttpResponse<String> reused = post("/api/v1/auth/refresh", refresh(first), null);

		assertThat(refreshed.statusCode()).isEqualTo(200);
		JsonNode tokens = read(refreshed);
		assertThat(tokens.path("refreshToken").asString()).isNotEqualTo(first);
		assertThat(tokens.path("customerId").asString()).isEqualTo(registered.path("customerId").asString());
		assertThat(get("/api/v1/me", tokens.path("accessToken").asString()).statusCode()).isEqualTo(200);
		assertThat(reused.statusCode()).isEqualTo(401);
		assertProblemJson(reused);
	}

	@Test
	void reusingARefreshTokenRevokesTheTokensRotatedFromIt() throws Exception {
		String first = read(post("/api/v1/auth/register", credentials(uniqueEmail(), "correct-horse"), null))
			.path("refreshToken")
			.asString();
		String second = read(post("/api/v1/auth/refresh", refresh(first), null)).path("refreshToken").asString();

		post("/api/v1/auth/refresh", refresh(first), null);
		HttpResponse<String> response = post("/api/v1/auth/refresh", refresh(second), null);

		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void unknownRefreshTokenIsUnauthorized() throws Exception {
		HttpResponse<String> response = post("/api/v1/auth/refresh", refresh("no-such-token"), null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertProblemJson(response);
	}

	@Test
	void meAnswersTheCallersIdEmailAndRoles() throws Exception {
		String email = uniqueEmail();
		JsonNode registered = read(
				post("/api/v1/auth/register", credentials(email.toUpperCase(), "correct-horse"), null));

		HttpResponse<String> response = get("/api/v1/me", registered.path("accessToken").asString());

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode me = read(response);
		assertThat(me.path("id").asString()).isEqualTo(registered.path("customerId").asString());
		assertThat(me.path("email").asString()).isEqualTo(email);
		assertThat(me.path("roles").values()).extracting(JsonNode::asString).containsExactly("CUSTOMER");
	}

	@Test
	void meWithoutATokenIsUnauthorizedProblemJson() throws Exception {
		HttpResponse<String> response = get("/api/v1/me", null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertProblemJson(response);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
	}

	@Test
	void invalidBearerTokenIsUnauthorizedEvenOnAnOpenEndpoint() throws Exception {
		HttpResponse<String> response = get("/", "not.a.jwt");

		assertThat(response.statusCode()).isEqualTo(401);
		assertProblemJson(response);
	}

	@Test
	void adminEndpointsNeedATokenOfAnAdmin() throws Exception {
		String customerToken = read(post("/api/v1/auth/register", credentials(uniqueEmail(), "correct-horse"), null))
			.path("accessToken")
			.asString();
		String adminToken = read(
				post("/api/v1/auth/login", credentials("admin@emporium.local", "emporium-admin"), null))
			.path("accessToken")
			.asString();

		HttpResponse<String> anonymous = get("/api/v1/admin/anything", null);
		HttpResponse<String> customer = get("/api/v1/admin/anything", customerToken);
		HttpResponse<String> admin = get("/api/v1/admin/anything", adminToken);

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertProblemJson(anonymous);
		assertThat(customer.statusCode()).isEqualTo(403);
		assertProblemJson(customer);
		assertThat(admin.statusCode()).isNotIn(401, 403);
	}

	@Test
	void theFirstAdminHasBothRoles() throws Exception {
		String adminToken = read(
				post("/api/v1/auth/login", credentials("admin@emporium.local", "emporium-admin"), null))
			.path("accessToken")
			.asString();

		JsonNode me = read(get("/api/v1/me", adminToken));

		assertThat(me.path("roles").values()).extracting(JsonNode::asString).containsExactly("CUSTOMER", "ADMIN");
	}

	private static String uniqueEmail() {
		return "shopper-" + UUID.randomUUID() + "@example.com";
	}

	private String credentials(String email, String password) {
		return this.json.writeValueAsString(Map.of("email", email, "password", password));
	}

	private String refresh(String token) {
		return this.json.writeValueAsString(Map.of("refreshToken", token));
	}

	private JsonNode read(HttpResponse<String> response) {
		return this.json.readTree(response.body());
	}

	private static void assertProblemJson(HttpResponse<String> response) {
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
	}

	private HttpResponse<String> post(String path, String body, @Nullable String token) throws Exception {
		HttpRequest.Builder request = request(path, token).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path, @Nullable String token) throws Exception {
		return this.http.send(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path, @Nullable String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return request;
	}

}
