package io.emporium.platform.migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.DatabaseMetaData;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.emporium.platform.StartupLock;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Migrates each module's schema from {@code db/migration/<module>} with its own history
 * table ({@code flyway_schema_history_<module>}), so every module keeps its own version
 * sequence. The layout and table names are those of Spring Modulith's module-aware
 * Flyway; modules share no foreign keys, so only {@code platform} must come first (see
 * ADR 0004). All of it, and the event publication table after it, runs under the start-up
 * lock, so nodes starting together migrate one after another (ADR 0011).
 */
@Configuration(proxyBeanMethods = false)
class ModuleMigrations {

	private static final Logger log = LoggerFactory.getLogger(ModuleMigrations.class);

	private static final String ROOT = "db/migration/";

	/**
	 * Spring Modulith's own script for the event publication registry (schema version 2),
	 * run here instead of by its initializer, whose check-then-create races between
	 * nodes.
	 */
	private static final String EVENT_PUBLICATION_SCRIPT = "org/springframework/modulith/events/jdbc/schemas/v2/schema-%s.sql";

	@Bean
	FlywayMigrationStrategy moduleMigrationStrategy(StartupLock startupLock) {
		return flyway -> startupLock.runLocked("migrations", () -> {
			modules().forEach(module -> migrate(flyway, module));
			createEventPublicationTable(flyway.getConfiguration().getDataSource());
		});
	}

	private static void migrate(Flyway flyway, String module) {
		var result = Flyway.configure(flyway.getConfiguration().getClassLoader())
			.configuration(flyway.getConfiguration())
			.locations("classpath:" + ROOT + module)
			.table("flyway_schema_history_" + module)
			.baselineOnMigrate(true)
			.baselineVersion("0")
			.load()
			.migrate();
		log.atDebug()
			.setMessage("module migrated")
			.addKeyValue("module", module)
			.addKeyValue("applied", result.migrationsExecuted)
			.log();
	}

	/** Creates the table if it does not exist yet (the script says so itself). */
	static void createEventPublicationTable(DataSource dataSource) {
		String database;
		try {
			database = DatabaseDriver
				.fromProductName(
						JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName))
				.getId();
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("cannot tell which database holds the event publications", ex);
		}
		new ResourceDatabasePopulator(new ClassPathResource(EVENT_PUBLICATION_SCRIPT.formatted(database)))
			.execute(dataSource);
	}

	/**
	 * The folders under db/migration that hold migrations: platform first, then by name.
	 */
	static List<String> modules() {
		try {
			Resource[] scripts = new PathMatchingResourcePatternResolver()
				.getResources("classpath*:" + ROOT + "*/*.sql");
			return Stream.of(scripts)
				.map(ModuleMigrations::folderOf)
				.filter(Objects::nonNull)
				.distinct()
				.sorted(Comparator.comparing((String module) -> !"platform".equals(module))
					.thenComparing(Comparator.naturalOrder()))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot list the migration folders", ex);
		}
	}

	private static String folderOf(Resource script) {
		try {
			String url = script.getURL().toString();
			int root = url.lastIndexOf(ROOT);
			if (root < 0) {
				return null;
			}
			String rest = url.substring(root + ROOT.length());
			int slash = rest.indexOf('/');
			return (slash > 0) ? rest.substring(0, slash) : null;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read a migration's location", ex);
		}
	}

}
