package io.emporium.platform.observability;

import io.emporium.ApiClient;
import io.emporium.HttpTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prometheus shows per-endpoint latency in the budgets' buckets, the outbox, jobs, pools,
 * caches and the JVM; every response names its trace, the caller's when it sent one.
 */
class MetricsTests extends HttpTestSupport {

	@Test
	void prometheusHasLatencyBucketsAtTheBudgetsAndThePlatformGauges() {
		this.store.api().get("/api/v1/categories");

		String prometheus = this.store.admin().with("Accept", "text/plain").get("/actuator/prometheus").body();

		for (String bucket : new String[] { "0.01", "0.025", "0.05", "0.1", "0.25" }) {
			assertThat(prometheus).containsPattern(
					"http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/v1/categories\"[^}]*le=\"" + bucket + "\"");
		}
		assertThat(prometheus).contains("emporium_events_publications_incomplete ",
				"emporium_events_publications_failed ", "dbscheduler_task_completions_total{",
				"hikaricp_connections_active{", "jvm_memory_used_bytes{", "cache_gets_total{");
	}

	@Test
	void answersWithTheTraceIdOfAnIncomingTraceparent() {
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

		ApiClient.Response response = this.store.api()
			.with("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
			.get("/api/v1/categories");

		assertThat(response.header("X-Trace-Id")).isEqualTo(traceId);
	}

	@Test
	void startsATraceForARequestWithoutOne() {
		ApiClient.Response response = this.store.api().get("/api/v1/categories");

		assertThat(response.header("X-Trace-Id")).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
	}

}
