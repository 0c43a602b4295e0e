package io.emporium.platform.roles;

import java.nio.file.Path;
import java.util.Set;

import io.emporium.platform.EmporiumProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class ServedPathsFilterTests {

	@Test
	void aWorkerServesActuatorOnTheApplicationPort() throws Exception {
		assertThat(status(Set.of("worker"), "/actuator/health")).isEqualTo(200);
		assertThat(status(Set.of("worker"), "/actuator/health/readiness")).isEqualTo(200);
		assertThat(status(Set.of("worker"), "/actuator/prometheus")).isEqualTo(200);
	}

	@Test
	void aWorkerAnswersEverythingElseWithNotFound() throws Exception {
		assertThat(status(Set.of("worker"), "/api/v1/products")).isEqualTo(404);
		assertThat(status(Set.of("worker"), "/api/v1/admin/orders")).isEqualTo(404);
		assertThat(status(Set.of("worker"), "/actuatorish")).isEqualTo(404);
		assertThat(status(Set.of("worker"), "/api/v1/previews/abc")).isEqualTo(404);
	}

	@Test
	void aPreviewNodeServesThePreviewApiOnly() throws Exception {
		assertThat(status(Set.of("preview"), "/api/v1/previews/abc")).isEqualTo(200);
		assertThat(status(Set.of("preview"), "/api/v1/products")).isEqualTo(404);
	}

	private static int status(Set<String> roles, String path) throws Exception {
		ServedPathsFilter filter = new ServedPathsFilter(
				new EmporiumProperties(Path.of("data"), roles, DataSize.ofMegabytes(1), "emporium"), "/actuator",
				JsonMapper.builder().build());
		MockHttpServletResponse response = new MockHttpServletResponse();

		filter.doFilter(new MockHttpServletRequest("GET", path), response, new MockFilterChain());

		return response.getStatus();
	}

}
