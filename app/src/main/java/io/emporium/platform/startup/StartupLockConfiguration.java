package io.emporium.platform.startup;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.emporium.platform.StartupLock;

import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Picks the start-up lock for the store's database: an advisory lock on PostgreSQL, where
 * many nodes share one store, a JVM lock on H2.
 */
@Configuration(proxyBeanMethods = false)
class StartupLockConfiguration {

	@Bean
	StartupLock startupLock(DataSource dataSource) {
		HikariDataSource hikari = DataSourceUnwrapper.unwrap(dataSource, HikariDataSource.class);
		String url = (hikari != null) ? hikari.getJdbcUrl() : null;
		if (url != null && DatabaseDriver.fromJdbcUrl(url) == DatabaseDriver.POSTGRESQL) {
			return new AdvisoryStartupLock(dataSource);
		}
		return StartupLock.inProcess();
	}

}
