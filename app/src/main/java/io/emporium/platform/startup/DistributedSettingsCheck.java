package io.emporium.platform.startup;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import io.emporium.platform.BadConfigurationException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.PlaceholderResolutionException;

/**
 * Checks a distributed node's settings before anything starts, so that a missing or wrong
 * one stops the node with one line naming it: the three variables are set and well
 * formed, and the database lets us in. Redis and RabbitMQ are only checked for form:
 * while they are away the node starts and reports itself not ready.
 */
class DistributedSettingsCheck implements EnvironmentPostProcessor, Ordered {

	static final String PROFILE = "distributed";

	private static final String CONNECT_TIMEOUT_SECONDS = "10";

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.matchesProfiles(PROFILE)) {
			return;
		}
		String database = required(environment, "spring.datasource.url", "EMPORIUM_DB_URL",
				"jdbc:postgresql://db.internal:5432/emporium");
		if (!database.startsWith("jdbc:postgresql://")) {
			throw new BadConfigurationException("EMPORIUM_DB_URL is not a PostgreSQL JDBC URL.",
					"Set it to jdbc:postgresql://host:port/database.");
		}
		checkUrl(required(environment, "spring.data.redis.url", "EMPORIUM_REDIS_URL", "redis://redis.internal:6379"),
				"EMPORIUM_REDIS_URL", "redis://host:port", "redis", "rediss");
		checkUrl(
				required(environment, "spring.rabbitmq.addresses", "EMPORIUM_RABBITMQ_URL",
						"amqp://user:password@rabbitmq.internal:5672"),
				"EMPORIUM_RABBITMQ_URL", "amqp://user:password@host:port", "amqp", "amqps");
		connect(database, optional(environment, "spring.datasource.username"),
				optional(environment, "spring.datasource.password"));
	}

	private static String notSet(String variable) {
		return variable + " is not set.";
	}

	private static String required(ConfigurableEnvironment environment, String property, String variable,
			String example) {
		String value;
		try {
			value = environment.getProperty(property);
		}
		catch (PlaceholderResolutionException ex) {
			String missing = ex.getPlaceholder();
			throw new BadConfigurationException(notSet(missing),
					missing.equals(variable) ? "Set " + variable + ", for example " + example + "."
							: "Set " + missing + ", used in " + variable + ".");
		}
		if (value == null || value.isBlank()) {
			throw new BadConfigurationException(notSet(variable), "Set " + variable + ", for example " + example + ".");
		}
		return value.trim();
	}

	private static @Nullable String optional(ConfigurableEnvironment environment, String property) {
		try {
			return environment.getProperty(property);
		}
		catch (PlaceholderResolutionException ex) {
			throw new BadConfigurationException(notSet(ex.getPlaceholder()), "Set " + ex.getPlaceholder() + ".");
		}
	}

	/**
	 * Only the scheme and host are checked; the value is never repeated (it may hold a
	 * password).
	 */
	private static void checkUrl(String value, String variable, String form, String... schemes) {
		try {
			URI uri = new URI(value);
			for (String scheme : schemes) {
				if (scheme.equals(uri.getScheme()) && uri.getHost() != null) {
					return;
				}
			}
		}
		catch (URISyntaxException ex) {
			// reported below, without the value
		}
		throw new BadConfigurationException(variable + " is not a URL of the form " + form + ".",
				"Set " + variable + " to " + form + ".");
	}

	private static void connect(String url, @Nullable String user, @Nullable String password) {
		String where = withoutQuery(url);
		Properties properties = new Properties();
		if (user != null && !user.isBlank()) {
			properties.setProperty("user", user);
		}
		if (password != null && !password.isBlank()) {
			properties.setProperty("password", password);
		}
		properties.setProperty("connectTimeout", CONNECT_TIMEOUT_SECONDS);
		properties.setProperty("loginTimeout", CONNECT_TIMEOUT_SECONDS);
		properties.setProperty("socketTimeout", CONNECT_TIMEOUT_SECONDS);
		try {
			Driver driver = DriverManager.getDriver(url);
			try (Connection connection = driver.connect(url, properties)) {
				connection.isValid(Integer.parseInt(CONNECT_TIMEOUT_SECONDS));
			}
		}
		catch (SQLException ex) {
			throw refused(where, ex);
		}
	}

	private static BadConfigurationException refused(String where, SQLException ex) {
		String reason = firstLine(ex.getMessage());
		String state = (ex.getSQLState() != null) ? ex.getSQLState() : "";
		if (state.startsWith("28")) {
			return new BadConfigurationException("The database at " + where + " refused the login: " + reason,
					"Check EMPORIUM_DB_USER and EMPORIUM_DB_PASSWORD.");
		}
		if (state.equals("3D000")) {
			return new BadConfigurationException("The database named by EMPORIUM_DB_URL does not exist: " + reason,
					"Create it, or correct EMPORIUM_DB_URL.");
		}
		return new BadConfigurationException("Cannot reach the database at " + where + " (EMPORIUM_DB_URL): " + reason,
				"Check EMPORIUM_DB_URL and that PostgreSQL is running and reachable from this node.");
	}

	private static String withoutQuery(String url) {
		int query = url.indexOf('?');
		return (query < 0) ? url : url.substring(0, query);
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "no reason given";
		}
		int end = message.indexOf('\n');
		return ((end < 0) ? message : message.substring(0, end)).trim();
	}

}
