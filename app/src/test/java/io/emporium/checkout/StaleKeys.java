package io.emporium.checkout;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a checkout stalled past the stale time looks like to the store: no progress since.
 */
public final class StaleKeys {

	private StaleKeys() {
	}

	public static void makeStale(JdbcClient jdbc, String key) {
		jdbc.sql("update checkout_idempotency set updated_at = :then where idempotency_key = :key")
			.param("then", Timestamp.from(Instant.now().minus(Duration.ofMinutes(10))))
			.param("key", key)
			.update();
	}

}
