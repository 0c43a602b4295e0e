package io.emporium.platform.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Job engine settings: executor threads and how often a worker looks for due work. */
@ConfigurationProperties("emporium.jobs")
record JobsProperties(@DefaultValue("4") int threads, @DefaultValue("5s") Duration pollingInterval) {
}
