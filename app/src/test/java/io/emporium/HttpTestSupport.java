package io.emporium;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base for tests that drive a running store over real HTTP. All of them share one
 * application context (and one embedded database), so each test arranges its own products
 * and customers.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class HttpTestSupport {

	@LocalServerPort
	protected int port;

	protected StoreFixture store;

	@BeforeEach
	void connect() {
		this.store = new StoreFixture(this.port);
	}

}
