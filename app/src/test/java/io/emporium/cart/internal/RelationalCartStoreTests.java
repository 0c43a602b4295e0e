package io.emporium.cart.internal;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The relational adapter on the store's own database (H2, or PostgreSQL under
 * -Pservices), in the context the HTTP tests share.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RelationalCartStoreTests extends CartStoreContract {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Override
	CartStore store(CartProperties properties) {
		return new RelationalCartStore(this.jdbc, this.transactions, properties);
	}

}
