package io.emporium.platform.security;

import io.emporium.ApiClient;
import io.emporium.HttpTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the application port health is open to probes; metrics and every other actuator
 * endpoint need an admin's token.
 */
class ActuatorSecurityTests extends HttpTestSupport {

	private static final String[] ADMIN_ONLY = { "/actuator/prometheus", "/actuator/metrics",
			"/actuator/metrics/jvm.memory.used", "/actuator/info", "/actuator" };

	@Test
	void healthAndItsProbesAreOpen() {
		for (String path : new String[] { "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/readiness" }) {
			ApiClient.Response response = this.store.api().get(path);

			assertThat(response.status()).as(path).isEqualTo(200);
			assertThat(response.body()).as(path).contains("UP");
		}
	}

	@Test
	void healthIgnoresAStrayToken() {
		assertThat(this.store.api().as("not.a.jwt").get("/actuator/health/readiness").status()).isEqualTo(200);
	}

	@Test
	void metricsWithoutATokenAreUnauthorized() {
		for (String path : ADMIN_ONLY) {
			ApiClient.Response response = this.store.api().get(path);

			assertThat(response.status()).as(path).isEqualTo(401);
			assertThat(response.isProblem()).as(path).isTrue();
		}
	}

	@Test
	void metricsAreForbiddenToACustomer() {
		ApiClient customer = this.store.customer().api();

		for (String path : ADMIN_ONLY) {
			ApiClient.Response response = customer.get(path);

			assertThat(response.status()).as(path).isEqualTo(403);
			assertThat(response.isProblem()).as(path).isTrue();
		}
	}

	@Test
	void anAdminReadsMetricsAndPrometheus() {
		ApiClient admin = this.store.admin();

		ApiClient.Response prometheus = admin.with("Accept", "text/plain").get("/actuator/prometheus");
		ApiClient.Response metrics = admin.get("/actuator/metrics");

		assertThat(prometheus.status()).as(prometheus.toString()).isEqualTo(200);
		assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm.memory.used");
	}

}
