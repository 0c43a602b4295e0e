package io.emporium.platform.health;

import io.emporium.ApiClient;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A distributed node whose Redis does not answer starts, stays alive and says it is not
 * ready, at once rather than after a long timeout.
 */
@Tag("services")
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "EMPORIUM_REDIS_URL=redis://127.0.0.1:1", "spring.data.redis.timeout=500ms",
				"spring.data.redis.connect-timeout=500ms" })
@ActiveProfiles({ "test", "distributed" })
class UnreachableRedisReadinessTests {

	@LocalServerPort
	int port;

	@Test
	void readinessIsDownWhileRedisCannotBeReached() {
		ApiClient api = new ApiClient(this.port);

		ApiClient.Response readiness = api.get("/actuator/health/readiness");

		assertThat(readiness.status()).as(readiness.toString()).isEqualTo(503);
		assertThat(readiness.text("status")).isEqualTo("DOWN");
		assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
	}

}
