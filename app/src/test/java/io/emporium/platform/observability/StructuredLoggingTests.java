package io.emporium.platform.observability;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.emporium.ApiClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code logging.structured.format.console} set, the console carries one JSON object
 * per line, and a request's lines carry the trace id it came with.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "logging.structured.format.console=ecs")
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class StructuredLoggingTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Test
	void logsJsonWithTheTraceIdOfTheRequest(CapturedOutput output) {
		String traceId = "0af7651916cd43dd8448eb211c80319c";

		ApiClient.Response registered = new ApiClient(this.port)
			.with("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
			.post("/api/v1/auth/register",
					Map.of("email", UUID.randomUUID() + "@example.com", "password", "a-long-enough-secret"));

		assertThat(registered.status()).as(registered.toString()).isIn(200, 201);
		List<JsonNode> lines = output.getOut()
			.lines()
			.filter(line -> line.startsWith("{"))
			.map(json::readTree)
			.filter(line -> "customer registered".equals(line.path("message").asString()))
			.toList();
		assertThat(lines).hasSize(1);
		assertThat(lines.get(0).path("traceId").asString()).isEqualTo(traceId);
		assertThat(lines.get(0).path("spanId").asString()).matches("[0-9a-f]{16}");
		assertThat(lines.get(0).path("log").path("level").asString()).isEqualTo("INFO");
	}

}
