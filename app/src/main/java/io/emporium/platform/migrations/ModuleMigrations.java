package io.emporium.platform.migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Migrates each module's schema from {@code db/migration/<module>} with its own history
 * table ({@code flyway_schema_history_<module>}), so every module keeps its own version
 * sequence. The layout and table names are those of Spring Modulith's module-aware
 * Flyway; modules share no foreign keys, so only {@code platform} must come first (see
 * ADR 0004).
 */
@Configuration(proxyBeanMethods = false)
class ModuleMigrations {

	private static final Logger log = LoggerFactory.getLogger(ModuleMigrations.class);

	private static final String ROOT = "db/migration/";

	@Bean
	FlywayMigrationStrategy moduleMigrationStrategy() {
		return flyway -> modules().forEach(module -> {
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
		});
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
