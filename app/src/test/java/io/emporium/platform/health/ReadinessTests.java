package io.emporium.platform.health;

import io.emporium.ApiClient;
import io.emporium.HttpTestSupport;
import io.emporium.ServicesTestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;

import static org.assertj.core.api.Assertions.assertThat;

/** A working node is ready, and its readiness looks at every service the node needs. */
class ReadinessTests extends HttpTestSupport {

	@Autowired
	HealthEndpointGroups groups;

	@Test
	void aWorkingNodeIsReady() {
		ApiClient.Response readiness = this.store.api().get("/actuator/health/readiness");

		assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
		assertThat(readiness.text("status")).isEqualTo("UP");
	}

	@Test
	void readinessLooksAtTheDatabaseAndInDistributedModeAtRedisAndRabbitMq() {
		var readiness = this.groups.get("readiness");

		assertThat(readiness.isMember("readinessState")).isTrue();
		assertThat(readiness.isMember("db")).isTrue();
		boolean distributed = Boolean.getBoolean(ServicesTestDatabase.SWITCH);
		assertThat(readiness.isMember("redis")).isEqualTo(distributed);
		assertThat(readiness.isMember("rabbit")).isEqualTo(distributed);
		assertThat(this.groups.get("liveness").isMember("db")).isFalse();
	}

}
