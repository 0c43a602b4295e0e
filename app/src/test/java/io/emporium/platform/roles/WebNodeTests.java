package io.emporium.platform.roles;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.emporium.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** A web-only node serves the API and health but leaves jobs and cron to workers. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "emporium.roles=web")
@ActiveProfiles("test")
class WebNodeTests {

	@LocalServerPort
	int port;

	@Autowired
	Scheduler scheduler;

	@Test
	void runsNoJobs() {
		assertThat(this.scheduler.getSchedulerState().isStarted()).isFalse();
	}

	@Test
	void servesTheApiAndHealth() {
		ApiClient application = new ApiClient(this.port);

		assertThat(application.get("/api/v1/categories").status()).isEqualTo(200);
		assertThat(application.get("/.well-known/jwks.json").status()).isEqualTo(200);
		assertThat(application.get("/actuator/health/readiness").status()).isEqualTo(200);
	}

}
