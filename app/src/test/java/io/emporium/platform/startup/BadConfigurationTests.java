package io.emporium.platform.startup;

import java.util.ArrayList;
import java.util.List;

import io.emporium.EmporiumApplication;
import io.emporium.platform.BadConfigurationException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A distributed node with a missing or wrong setting stops at start with one line that
 * names the variable or the service, and no stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class BadConfigurationTests {

	private static final String REDIS = "--EMPORIUM_REDIS_URL=redis://127.0.0.1:6379";

	private static final String RABBITMQ = "--EMPORIUM_RABBITMQ_URL=amqp://guest:guest@127.0.0.1:5672";

	@Test
	void aMissingDatabaseUrlIsNamed(CapturedOutput output) {
		failsToStart(REDIS, RABBITMQ);

		assertOneLine(output, "EMPORIUM_DB_URL is not set.");
	}

	@Test
	void aPlaceholderNobodySetIsNamed(CapturedOutput output) {
		failsToStart("--EMPORIUM_DB_URL=jdbc:postgresql://${EMPORIUM_DB_HOST}:5432/emporium", REDIS, RABBITMQ);

		assertOneLine(output, "EMPORIUM_DB_HOST is not set.");
	}

	@Test
	void anEmptyRabbitMqUrlIsNamed(CapturedOutput output) {
		failsToStart("--EMPORIUM_DB_URL=jdbc:postgresql://127.0.0.1:1/emporium", REDIS, "--EMPORIUM_RABBITMQ_URL=");

		assertOneLine(output, "EMPORIUM_RABBITMQ_URL is not set.");
	}

	@Test
	void aMalformedRedisUrlIsNamedWithoutRepeatingIt(CapturedOutput output) {
		failsToStart("--EMPORIUM_DB_URL=jdbc:postgresql://127.0.0.1:1/emporium", "--EMPORIUM_REDIS_URL=secret@6379",
				RABBITMQ);

		assertOneLine(output, "EMPORIUM_REDIS_URL is not a URL of the form redis://host:port.");
		assertThat(output.getOut()).doesNotContain("secret");
	}

	@Test
	void anUnreachableDatabaseIsNamed(CapturedOutput output) {
		failsToStart("--EMPORIUM_DB_URL=jdbc:postgresql://127.0.0.1:1/emporium", REDIS, RABBITMQ);

		assertOneLine(output, "Cannot reach the database at jdbc:postgresql://127.0.0.1:1/emporium (EMPORIUM_DB_URL)");
	}

	@Test
	@Tag("services")
	void aDatabaseThatRefusesTheUserIsNamed(CapturedOutput output) {
		failsToStart("--EMPORIUM_DB_URL=jdbc:postgresql://127.0.0.1:5432/postgres", "--EMPORIUM_DB_USER=nobody-here",
				"--EMPORIUM_DB_PASSWORD=not-the-password", REDIS, RABBITMQ);

		assertOneLine(output, "The database at jdbc:postgresql://127.0.0.1:5432/postgres refused the login");
		assertThat(output.getOut()).contains("EMPORIUM_DB_USER").doesNotContain("not-the-password");
	}

	private static void failsToStart(String... settings) {
		List<String> arguments = new ArrayList<>(List.of("--spring.main.web-application-type=none",
				"--spring.profiles.active=test,distributed", "--emporium.test.database=none"));
		arguments.addAll(List.of(settings));
		SpringApplication application = new SpringApplication(EmporiumApplication.class);

		assertThatException().isThrownBy(() -> application.run(arguments.toArray(String[]::new)))
			.isInstanceOf(BadConfigurationException.class);
	}

	private static void assertOneLine(CapturedOutput output, String description) {
		assertThat(output.getOut()).contains("APPLICATION FAILED TO START");
		assertThat(output.getOut().lines().filter(line -> line.contains(description))).hasSize(1);
		assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("Caused by");
	}

}
