package io.emporium.platform.jdbc;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transaction that runs no SQL (the externalizer's, waiting for the broker) takes no
 * connection from the pool; one that does takes it at its first statement. On a pool of
 * its own, so nothing else borrows from it meanwhile.
 */
class LazyConnectionsTests {

	@Test
	void aTransactionTakesAConnectionAtItsFirstStatementOnly() {
		try (HikariDataSource pool = new HikariDataSource()) {
			pool.setJdbcUrl("jdbc:h2:mem:lazy-connections;DB_CLOSE_DELAY=-1");
			pool.setMaximumPoolSize(1);
			DataSource dataSource = (DataSource) LazyConnections.lazyConnectionDataSource()
				.postProcessAfterInitialization(pool, "dataSource");
			TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
			JdbcClient jdbc = JdbcClient.create(dataSource);

			int[] active = transactions.execute(status -> {
				int idle = pool.getHikariPoolMXBean().getActiveConnections();
				jdbc.sql("select 1").query(Integer.class).single();
				return new int[] { idle, pool.getHikariPoolMXBean().getActiveConnections() };
			});

			assertThat(active[0]).isZero();
			assertThat(active[1]).isEqualTo(1);
		}
	}

}
