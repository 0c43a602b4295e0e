package io.emporium.platform.events;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a send waits for RabbitMQ's confirm, how often (and after how long) event
 * publications whose listener failed are tried again, after how long one still in flight
 * counts as left behind by a dead node (distributed mode), and how long completed ones
 * are kept (for an operator to look into) before they are deleted, and how many module
 * listeners run at once.
 */
@ConfigurationProperties("emporium.events")
record EventsProperties(@DefaultValue("5s") Duration confirmTimeout, @DefaultValue("10s") Duration resubmitEvery,
		@DefaultValue("30s") Duration resubmitAfter, @DefaultValue("1000") int resubmitBatch,
		@DefaultValue("6h") Duration keepCompleted, @DefaultValue("10m") Duration purgeEvery,
		@DefaultValue("5m") Duration staleAfter, @DefaultValue("1m") Duration staleCheckEvery,
		@DefaultValue("64") int listenerThreads) {
}
