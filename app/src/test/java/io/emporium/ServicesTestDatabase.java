package io.emporium;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Under {@code -Pservices} every test application context runs in distributed mode on a
 * database of its own, made fresh on the local PostgreSQL, so contexts never see each
 * other's rows, just as each embedded context gets its own data folder. A context whose
 * test names {@code EMPORIUM_DB_URL} itself (two nodes of one store) keeps it. The test
 * JVM drops its databases when it ends; those of runs that were killed are dropped by a
 * later run once they are six hours old and unused (a younger one may belong to a run
 * still going, whose idle pools hold no connection, in this build or another). A
 * PostgreSQL that does not answer fails the context: the services profile never skips.
 * Tests of start-up failures that must meet no database set
 * {@code emporium.test.database=none}.
 */
public class ServicesTestDatabase implements EnvironmentPostProcessor, Ordered {

	/** Set by the Maven profile {@code services}. */
	public static final String SWITCH = "emporium.test.services";

	public static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

	private static final String PREFIX = "emporium_it_";

	/** Names carry their creation time: {@code emporium_it_<epoch seconds>_<uuid>}. */
	private static final Pattern NAME = Pattern.compile(PREFIX + "(\\d+)_\\w+");

	private static final Duration ABANDONED_AFTER = Duration.ofHours(6);

	private static final List<String> created = new CopyOnWriteArrayList<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(ServicesTestDatabase::dropCreated));
	}

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER - 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!Boolean.getBoolean(SWITCH) || "none".equals(environment.getProperty("emporium.test.database"))) {
			return;
		}
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.profiles.include", "distributed");
		// Every cached test context keeps a pool: small ones, given back when idle, stay
		// within the server's connection limit.
		properties.put("EMPORIUM_DB_POOL_SIZE", "10");
		properties.put("spring.datasource.hikari.minimum-idle", "0");
		properties.put("spring.datasource.hikari.idle-timeout", "10000");
		// Redis keys and RabbitMQ exchanges of one context stay apart from all others';
		// nodes of one store (a test naming the database itself) name one namespace too.
		if (!environment.containsProperty("emporium.namespace")) {
			properties.put("emporium.namespace", "test-" + UUID.randomUUID().toString().replace("-", ""));
		}
		if (!environment.containsProperty("EMPORIUM_DB_URL")) {
			properties.put("EMPORIUM_DB_URL", SERVER + create());
			properties.put("EMPORIUM_DB_USER", "postgres");
		}
		environment.getPropertySources().addFirst(new MapPropertySource("servicesTestDatabase", properties));
	}

	/** A new empty database; its name is returned. */
	public static String create() {
		String database = PREFIX + Instant.now().getEpochSecond() + "_" + UUID.randomUUID().toString().replace("-", "");
		try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
				Statement statement = admin.createStatement()) {
			dropAbandoned(admin);
			statement.execute("create database " + database);
			created.add(database);
			return database;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL at " + SERVER + " must answer for -Pservices", ex);
		}
	}

	private static void dropCreated() {
		if (created.isEmpty()) {
			return;
		}
		try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
				Statement statement = admin.createStatement()) {
			for (String database : created) {
				statement.execute("drop database if exists " + database + " with (force)");
			}
		}
		catch (SQLException ex) {
			// Left for a later run to drop.
		}
	}

	private static void dropAbandoned(Connection admin) throws SQLException {
		List<String> unused = new ArrayList<>();
		try (Statement statement = admin.createStatement(); ResultSet rs = statement.executeQuery("""
				select datname from pg_database d
				where datname like '""" + PREFIX + """
				%' and not exists (select 1 from pg_stat_activity a where a.datname = d.datname)""")) {
			Instant cutoff = Instant.now().minus(ABANDONED_AFTER);
			while (rs.next()) {
				Matcher name = NAME.matcher(rs.getString(1));
				if (name.matches() && Instant.ofEpochSecond(Long.parseLong(name.group(1))).isBefore(cutoff)) {
					unused.add(rs.getString(1));
				}
			}
		}
		for (String database : unused) {
			try (Statement statement = admin.createStatement()) {
				statement.execute("drop database if exists " + database);
			}
			catch (SQLException ex) {
				// Taken into use meanwhile by a context of this run; it is dropped next
				// time.
			}
		}
	}

}
