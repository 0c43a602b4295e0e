package io.emporium.platform.observability;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.emporium.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code logging.structured.format.console} set, the console carries one JSON object
 * per line, and a request's lines carry the trace id it came with. Logging is global to
 * the JVM: afterwards the console format of the other test contexts is put back.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "logging.structured.format.console=ecs")
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
@DirtiesContext
class StructuredLoggingTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String FORMAT = "logging.structured.format.console";

	private static @Nullable ConfigurableEnvironment environment;

	@LocalServerPort
	int port;

	@Autowired
	StructuredLoggingTests(ConfigurableEnvironment environment) {
		StructuredLoggingTests.environment = environment;
	}

	@AfterAll
	static void restoreTheConsoleFormat() {
		StandardEnvironment plain = new StandardEnvironment();
		if (environment != null) {
			environment.getPropertySources()
				.stream()
				.filter(source -> !source.containsProperty(FORMAT))
				.forEach(plain.getPropertySources()::addLast);
		}
		System.clearProperty("CONSOLE_LOG_STRUCTURED_FORMAT");
		LoggingSystem.get(StructuredLoggingTests.class.getClassLoader()).cleanUp();
		SpringApplication application = new SpringApplication();
		LoggingApplicationListener listener = new LoggingApplicationListener();
		listener.onApplicationEvent(
				new ApplicationStartingEvent(new DefaultBootstrapContext(), application, new String[0]));
		listener.onApplicationEvent(new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(), application,
				new String[0], plain));
	}

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
