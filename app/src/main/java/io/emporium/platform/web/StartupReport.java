package io.emporium.platform.web;

import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.emporium.platform.EmporiumProperties;
import io.emporium.platform.StartupFact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Logs the one start-up line: where the store answers, in which mode, with what in it.
 */
@Component
class StartupReport {

	private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

	private final String mode;

	private final EmporiumProperties properties;

	private final List<StartupFact> facts;

	private final Environment environment;

	StartupReport(DataSource dataSource, EmporiumProperties properties, List<StartupFact> facts,
			Environment environment) {
		HikariDataSource hikari = DataSourceUnwrapper.unwrap(dataSource, HikariDataSource.class);
		String url = (hikari != null) ? hikari.getJdbcUrl() : "";
		this.mode = (url != null && url.startsWith("jdbc:h2:")) ? "embedded" : "distributed";
		this.properties = properties;
		this.facts = facts;
		this.environment = environment;
	}

	String mode() {
		return this.mode;
	}

	@EventListener(ApplicationReadyEvent.class)
	void report() {
		String port = this.environment.getProperty("local.server.port",
				this.environment.getProperty("server.port", "8080"));
		String contents = this.facts.stream().map(StartupFact::describe).collect(Collectors.joining(", "));
		log.atInfo()
			.setMessage(() -> "Emporium ready on http://localhost:" + port + " (" + this.mode + " mode, roles "
					+ this.properties.roles() + ", " + contents + ")")
			.addKeyValue("mode", this.mode)
			.log();
	}

}
