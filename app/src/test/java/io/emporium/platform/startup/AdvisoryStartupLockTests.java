package io.emporium.platform.startup;

import io.emporium.ServicesTestDatabase;
import io.emporium.platform.StartupLock;
import io.emporium.platform.StartupLockContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;

import com.zaxxer.hikari.HikariDataSource;

/** The advisory lock on a real PostgreSQL, each holder on a connection of its own. */
@Tag("services")
class AdvisoryStartupLockTests extends StartupLockContract {

	private final HikariDataSource dataSource = pool();

	@Override
	protected StartupLock lock() {
		return new AdvisoryStartupLock(this.dataSource);
	}

	@AfterEach
	void close() {
		this.dataSource.close();
	}

	private static HikariDataSource pool() {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/" + ServicesTestDatabase.create());
		pool.setUsername("postgres");
		pool.setMaximumPoolSize(10);
		return pool;
	}

}
