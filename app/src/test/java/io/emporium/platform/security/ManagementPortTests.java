package io.emporium.platform.security;

import io.emporium.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code management.server.port} set, actuator endpoints move to that port, where a
 * scraper inside the cluster reads them without a token, and leave the application port.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
@ActiveProfiles("test")
class ManagementPortTests {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Test
	void theManagementPortServesMetricsWithoutAToken() {
		ApiClient management = new ApiClient(this.managementPort);

		ApiClient.Response prometheus = management.with("Accept", "text/plain").get("/actuator/prometheus");

		assertThat(prometheus.status()).as(prometheus.toString()).isEqualTo(200);
		assertThat(prometheus.body()).contains("jvm_memory_used_bytes");
		assertThat(management.get("/actuator/metrics").status()).isEqualTo(200);
		assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);
	}

	@Test
	void theApplicationPortNoLongerServesActuator() {
		ApiClient application = new ApiClient(this.port);

		for (String path : new String[] { "/actuator/prometheus", "/actuator/metrics", "/actuator/health",
				"/actuator" }) {
			ApiClient.Response response = application.get(path);

			assertThat(response.status()).as(path).isEqualTo(404);
		}
		assertThat(application.get("/api/v1/categories").status()).isEqualTo(200);
	}

}
