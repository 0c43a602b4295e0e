package io.emporium.platform.events;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.emporium.HttpTestSupport;
import io.emporium.catalog.ProductChanged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How the registry moves publications between attempts, where Spring Modulith 2.0.3's
 * JDBC registry gets it wrong: a completed publication stays completed
 * (spring-modulith#1936), and a failed one waits {@code resubmit-after} before it runs
 * again (spring-modulith#1943). The publications here name a listener that does not
 * exist, so each attempt fails and counts.
 */
class ResubmissionTests extends HttpTestSupport {

	private static final PublicationTargetIdentifier NOBODY = PublicationTargetIdentifier.of("test.nobody");

	@Autowired
	EventPublicationRepository publications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EventsProperties properties;

	private final List<UUID> made = new ArrayList<>();

	@AfterEach
	void deleteMade() {
		this.publications.deletePublications(this.made);
	}

	@Test
	void aCompletedPublicationIsNeitherClaimedNorMovedAgain() {
		UUID id = publication(Duration.ZERO);
		this.publications.markCompleted(id, Instant.now());

		boolean claimed = this.publications.markResubmitted(id, Instant.now());
		this.publications.markProcessing(id);
		this.publications.markFailed(id);

		assertThat(claimed).isFalse();
		assertThat(row(id)).isEqualTo(new Row("COMPLETED", 1, true));
	}

	@Test
	void anIncompletePublicationIsMovedAndClaimed() {
		UUID id = publication(Duration.ZERO);

		this.publications.markProcessing(id);
		Row processing = row(id);
		this.publications.markFailed(id);
		Row failed = row(id);
		boolean claimed = this.publications.markResubmitted(id, Instant.now());

		assertThat(processing).isEqualTo(new Row("PROCESSING", 1, false));
		assertThat(failed).isEqualTo(new Row("FAILED", 1, false));
		assertThat(claimed).isTrue();
		assertThat(row(id)).isEqualTo(new Row("RESUBMITTED", 2, false));
	}

	@Test
	void aFailedPublicationRunsAgainOnlyOnceItIsResubmitAfterOld() {
		UUID young = publication(Duration.ZERO);
		UUID old = publication(this.properties.resubmitAfter().plusMinutes(1));
		this.publications.markFailed(young);
		this.publications.markFailed(old);

		await().atMost(this.properties.resubmitEvery().multipliedBy(3))
			.until(() -> row(old).attempts() > 1 && row(old).status().equals("FAILED"));

		assertThat(row(young)).isEqualTo(new Row("FAILED", 1, false));
	}

	/**
	 * A new publication of a ProductChanged to {@link #NOBODY}, published {@code ago}.
	 */
	private UUID publication(Duration ago) {
		TargetEventPublication publication = TargetEventPublication.of(
				new ProductChanged(UUID.randomUUID(), "resubmission-" + UUID.randomUUID()), NOBODY,
				Instant.now().minus(ago));
		this.publications.create(publication);
		this.made.add(publication.getIdentifier());
		return publication.getIdentifier();
	}

	private Row row(UUID id) {
		return this.jdbc
			.sql("select status, completion_attempts, completion_date from event_publication where id = :id")
			.param("id", id)
			.query((rs, n) -> new Row(rs.getString(1), rs.getInt(2), rs.getTimestamp(3) != null))
			.single();
	}

	record Row(String status, int attempts, boolean completed) {
	}

}
