package io.emporium.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.emporium.ApiClient;
import io.emporium.ServicesTestDatabase;
import io.emporium.TwoNodeSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Five nodes started at the same moment on one empty store: one migrates and seeds, the
 * others wait for it and find the work done.
 */
@Tag("services")
class ConcurrentStartTests {

	private static final int NODES = 5;

	@Test
	void fiveNodesStartingTogetherMakeOneStore() throws Exception {
		String database = ServicesTestDatabase.create();
		List<ConfigurableApplicationContext> nodes = new ArrayList<>();
		try (ExecutorService threads = Executors.newFixedThreadPool(NODES)) {
			List<CompletableFuture<ConfigurableApplicationContext>> starting = new ArrayList<>();
			for (int i = 0; i < NODES; i++) {
				starting.add(CompletableFuture
					.supplyAsync(() -> TwoNodeSupport.startNode(database, "--emporium.demo.enabled=true"), threads));
			}
			try {
				for (CompletableFuture<ConfigurableApplicationContext> node : starting) {
					nodes.add(node.join());
				}

				assertThat(TwoNodeSupport.count(database, "select count(*) from catalog_product"))
					.isEqualTo(DemoBooks.books().size());
				assertThat(TwoNodeSupport.count(database, "select count(*) from identity_customer where admin"))
					.isEqualTo(1);
				assertThat(TwoNodeSupport.count(database, "select count(*) from inventory_warehouse")).isEqualTo(2);
				assertThat(TwoNodeSupport.count(database,
						"select count(*) from identity_signing_key where retired_at is null"))
					.isEqualTo(1);
				for (ConfigurableApplicationContext node : nodes) {
					ApiClient.Response readiness = new ApiClient(TwoNodeSupport.port(node))
						.get("/actuator/health/readiness");
					assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
				}
			}
			finally {
				starting.forEach(node -> node.thenAccept(ConfigurableApplicationContext::close));
			}
		}
	}

}
