package io.emporium.platform.jdbc;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.DataSourceUnwrapper;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transaction that runs no SQL (the externalizer's, waiting for the broker) takes no
 * connection from the pool; one that does takes it at its first statement.
 */
@SpringBootTest
@ActiveProfiles("test")
class LazyConnectionsTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aTransactionTakesAConnectionAtItsFirstStatementOnly() {
		HikariDataSource pool = DataSourceUnwrapper.unwrap(this.dataSource, HikariDataSource.class);
		assertThat(pool).isNotNull();
		int before = pool.getHikariPoolMXBean().getActiveConnections();

		int[] active = this.transactions.execute(status -> {
			int idle = pool.getHikariPoolMXBean().getActiveConnections();
			this.jdbc.sql("select 1").query(Integer.class).single();
			return new int[] { idle, pool.getHikariPoolMXBean().getActiveConnections() };
		});

		assertThat(active[0]).isEqualTo(before);
		assertThat(active[1]).isEqualTo(before + 1);
	}

}
