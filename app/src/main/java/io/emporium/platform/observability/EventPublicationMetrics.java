package io.emporium.platform.observability;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Gauges over Spring Modulith's event publication registry (the outbox): publications not
 * yet completed, and those of them marked failed. They are counted off the scrape path
 * every few seconds, so a scrape never waits on the database; while it cannot be read
 * they show NaN.
 */
@Component
class EventPublicationMetrics implements MeterBinder, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EventPublicationMetrics.class);

	private static final long REFRESH_SECONDS = 5;

	private final JdbcClient jdbc;

	private final AtomicReference<Counts> counts = new AtomicReference<>(Counts.UNKNOWN);

	private final ScheduledExecutorService refresher = Executors
		.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("event-publication-metrics").daemon().factory());

	EventPublicationMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("emporium.events.publications.incomplete", this, metrics -> metrics.counts.get().incomplete())
			.description("Event publications whose listener has not completed yet")
			.register(registry);
		Gauge.builder("emporium.events.publications.failed", this, metrics -> metrics.counts.get().failed())
			.description("Incomplete event publications marked failed")
			.register(registry);
		this.refresher.scheduleWithFixedDelay(this::refresh, 0, REFRESH_SECONDS, TimeUnit.SECONDS);
	}

	void refresh() {
		try {
			this.counts.set(this.jdbc.sql("""
					select count(*) as incomplete,
						coalesce(sum(case when status = 'FAILED' then 1 else 0 end), 0) as failed
					from event_publication where completion_date is null""")
				.query((rs, row) -> new Counts(rs.getLong("incomplete"), rs.getLong("failed")))
				.single());
		}
		catch (DataAccessException ex) {
			this.counts.set(Counts.UNKNOWN);
			log.atDebug().setMessage("event publications not counted").setCause(ex).log();
		}
	}

	@Override
	public void destroy() {
		this.refresher.shutdownNow();
	}

	record Counts(double incomplete, double failed) {

		static final Counts UNKNOWN = new Counts(Double.NaN, Double.NaN);

	}

}
