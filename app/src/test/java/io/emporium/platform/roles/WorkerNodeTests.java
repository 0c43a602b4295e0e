package io.emporium.platform.roles;

import java.util.Map;

import com.github.kagkarlsson.scheduler.Scheduler;
import io.emporium.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker-only node runs the jobs and serves health and metrics (here on its own
 * management port, as a worker pool is scraped), but no storefront or admin API.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "emporium.roles=worker", "management.server.port=0" })
@ActiveProfiles("test")
class WorkerNodeTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	Scheduler scheduler;

	@Test
	void runsTheJobs() {
		assertThat(this.scheduler.getSchedulerState().isStarted()).isTrue();
	}

	@Test
	void servesNoStorefrontOrAdminApi() {
		ApiClient application = new ApiClient(this.port);

		for (String path : new String[] { "/api/v1/products", "/api/v1/categories", "/api/v1/admin/orders",
				"/api/v1/me", "/.well-known/jwks.json", "/" }) {
			ApiClient.Response response = application.get(path);

			assertThat(response.status()).as(path).isEqualTo(404);
			assertThat(response.isProblem()).as(path).isTrue();
		}
		ApiClient.Response login = application.post("/api/v1/auth/login",
				Map.of("email", "admin@emporium.local", "password", "emporium-admin"));
		assertThat(login.status()).isEqualTo(404);
	}

	@Test
	void servesHealthAndMetrics() {
		ApiClient management = new ApiClient(this.managementPort);

		assertThat(management.get("/actuator/health").status()).isEqualTo(200);
		assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);
		ApiClient.Response prometheus = management.with("Accept", "text/plain").get("/actuator/prometheus");
		assertThat(prometheus.status()).as(prometheus.toString()).isEqualTo(200);
		assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
	}

}
