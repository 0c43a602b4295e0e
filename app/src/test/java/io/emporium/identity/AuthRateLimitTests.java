package io.emporium.identity;

import java.util.Map;
import java.util.UUID;

import io.emporium.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password sign-ins are limited per e-mail and per client address, registrations per
 * client address. Each test connects from its own loopback address, so the tests share no
 * bucket; the hour-long period keeps every bucket from refilling while a test runs.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "emporium.identity.rate-limit.login-per-email=10",
				"emporium.identity.rate-limit.login-per-address=20",
				"emporium.identity.rate-limit.registration-per-address=5", "emporium.identity.rate-limit.period=1h" })
@ActiveProfiles("test")
class AuthRateLimitTests {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	@Test
	void theEleventhFailedLoginForOneEmailIsTooManyRequests() {
		String victim = registered(ApiClient.from("127.0.0.21", this.port));
		String bystander = registered(ApiClient.from("127.0.0.21", this.port));
		ApiClient attacker = ApiClient.from("127.0.0.22", this.port);
		for (int attempt = 1; attempt <= 10; attempt++) {
			assertThat(login(attacker, victim, "wrong password").status()).as("attempt " + attempt).isEqualTo(401);
		}

		ApiClient.Response eleventh = login(attacker, victim, "wrong password");

		assertTooManyRequests(eleventh);
		assertTooManyRequests(login(ApiClient.from("127.0.0.23", this.port), victim, PASSWORD));
		assertThat(login(attacker, bystander, PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void loginsFromOneAddressAreLimitedAcrossEmails() {
		ApiClient attacker = ApiClient.from("127.0.0.31", this.port);
		for (int attempt = 1; attempt <= 20; attempt++) {
			assertThat(login(attacker, uniqueEmail(), "wrong password").status()).as("attempt " + attempt)
				.isEqualTo(401);
		}

		ApiClient.Response next = login(attacker, uniqueEmail(), "wrong password");

		assertTooManyRequests(next);
		assertThat(login(ApiClient.from("127.0.0.32", this.port), uniqueEmail(), "wrong password").status())
			.isEqualTo(401);
	}

	@Test
	void registrationFloodsFromOneAddressAreTooManyRequests() {
		ApiClient flooder = ApiClient.from("127.0.0.41", this.port);
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(register(flooder, uniqueEmail()).status()).as("attempt " + attempt).isEqualTo(201);
		}

		ApiClient.Response sixth = register(flooder, uniqueEmail());

		assertTooManyRequests(sixth);
		assertThat(register(ApiClient.from("127.0.0.42", this.port), uniqueEmail()).status()).isEqualTo(201);
	}

	@Test
	void aForgedForwardedForDoesNotEscapeTheAddressLimit() {
		ApiClient flooder = ApiClient.from("127.0.0.51", this.port);
		for (int attempt = 1; attempt <= 5; attempt++) {
			ApiClient.Response response = register(flooder.with("X-Forwarded-For", "198.51.100." + attempt),
					uniqueEmail());
			assertThat(response.status()).as("attempt " + attempt).isEqualTo(201);
		}

		ApiClient.Response sixth = register(flooder.with("X-Forwarded-For", "198.51.100.99"), uniqueEmail());

		assertTooManyRequests(sixth);
	}

	private static void assertTooManyRequests(ApiClient.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(429);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.text("type")).isEqualTo("https://emporium.dev/problems/too-many-requests");
		assertThat(response.header("Retry-After")).isNotNull()
			.satisfies(seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 3600L));
	}

	private static String registered(ApiClient client) {
		String email = uniqueEmail();
		assertThat(register(client, email).status()).isEqualTo(201);
		return email;
	}

	private static ApiClient.Response register(ApiClient client, String email) {
		return client.post("/api/v1/auth/register", Map.of("email", email, "password", PASSWORD));
	}

	private static ApiClient.Response login(ApiClient client, String email, String password) {
		return client.post("/api/v1/auth/login", Map.of("email", email, "password", password));
	}

	private static String uniqueEmail() {
		return "shopper-" + UUID.randomUUID() + "@example.com";
	}

}
