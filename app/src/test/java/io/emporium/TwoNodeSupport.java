package io.emporium;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes of one store for tests that cross nodes: two application contexts in
 * distributed mode on one fresh PostgreSQL database (and the shared Redis and RabbitMQ),
 * each on a port and an empty data folder of its own, with a {@link StoreFixture} for
 * each. Extend it; {@link #startNode} starts more nodes of any store.
 */
@Tag("services")
@TestInstance(Lifecycle.PER_CLASS)
public abstract class TwoNodeSupport {

	protected String database;

	protected ConfigurableApplicationContext nodeA;

	protected ConfigurableApplicationContext nodeB;

	protected StoreFixture a;

	protected StoreFixture b;

	@BeforeAll
	void startTwoNodes() {
		this.database = ServicesTestDatabase.create();
		this.nodeA = startNode(this.database, nodeArguments());
		this.nodeB = startNode(this.database, nodeArguments());
		this.a = new StoreFixture(port(this.nodeA));
		this.b = new StoreFixture(port(this.nodeB));
	}

	@AfterAll
	void stopTwoNodes() {
		for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { this.nodeB, this.nodeA }) {
			if (node != null) {
				node.close();
			}
		}
	}

	/** More arguments for both nodes, such as {@code --emporium.roles=web}. */
	protected String[] nodeArguments() {
		return new String[0];
	}

	/**
	 * Starts a node of the store in {@code database} (made by
	 * {@link ServicesTestDatabase#create()}) on a free port with a data folder that does
	 * not exist yet; the caller closes it.
	 */
	public static ConfigurableApplicationContext startNode(String database, String... arguments) {
		List<String> all = new ArrayList<>(List.of("--spring.profiles.active=test,distributed", "--server.port=0",
				"--EMPORIUM_DB_URL=" + ServicesTestDatabase.SERVER + database, "--EMPORIUM_DB_USER=postgres",
				// one store: one namespace for its Redis keys and RabbitMQ exchanges
				"--emporium.namespace=" + database, "--EMPORIUM_DB_POOL_SIZE=5",
				"--spring.datasource.hikari.minimum-idle=0",
				"--emporium.data-dir=" + Path.of("target", "test-data", "node-" + UUID.randomUUID()).toAbsolutePath()));
		all.addAll(List.of(arguments));
		return new SpringApplicationBuilder(EmporiumApplication.class).run(all.toArray(String[]::new));
	}

	public static int port(ConfigurableApplicationContext node) {
		return node.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	public static Path dataDir(ConfigurableApplicationContext node) {
		return Path.of(node.getEnvironment().getRequiredProperty("emporium.data-dir"));
	}

	/** A count straight from the store's database, for what no API shows. */
	public static long count(String database, String sql) {
		try (Connection connection = DriverManager.getConnection(ServicesTestDatabase.SERVER + database, "postgres",
				""); Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

}
