package io.emporium.platform.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Marks failed the event publications whose last attempt started more than
 * {@code stale-after} ago and never ended, because the node running it died; the
 * resubmission job then runs them again. One conditional update: a publication that
 * completes meanwhile is never touched, and a retry is as old as its own attempt, not as
 * its first publication (ADR 0014 says why this is not Spring Modulith's staleness
 * monitor).
 */
final class StalePublications {

	private static final Logger log = LoggerFactory.getLogger(StalePublications.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	StalePublications(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	int markFailed(Duration staleAfter) {
		int stale = this.jdbc.sql("""
				update event_publication set status = 'FAILED'
				where completion_date is null and status in ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')
					and coalesce(last_resubmission_date, publication_date) < :startedBefore""")
			.param("startedBefore", Timestamp.from(this.clock.instant().minus(staleAfter)))
			.update();
		if (stale > 0) {
			log.atWarn()
				.setMessage("event publications left in flight marked failed")
				.addKeyValue("publications", stale)
				.addKeyValue("staleAfter", staleAfter)
				.log();
		}
		return stale;
	}

}
