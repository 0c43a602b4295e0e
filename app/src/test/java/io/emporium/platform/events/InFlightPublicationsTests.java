package io.emporium.platform.events;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import io.emporium.ServicesTestDatabase;
import io.emporium.TwoNodeSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a node killed mid-listener leaves in flight is run again by a worker once it has
 * been in flight for {@code emporium.events.stale-after}, not by the next node that
 * starts, which may meet publications other nodes are running. A dead node's publication
 * is the row it leaves: the externalization of a product's ProductChanged, set back in
 * event_publication to the state and age such a node leaves it in.
 */
class InFlightPublicationsTests extends TwoNodeSupport {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final Duration STALE_AFTER = Duration.ofMinutes(5);

	/** The externalization of one ProductChanged, by its slug. */
	private static final String ABOUT = " event_type = 'io.emporium.catalog.ProductChanged'"
			+ " and listener_id like '%.externalize(%' and serialized_event like ?";

	@Override
	protected String[] nodeArguments() {
		return new String[] { "--emporium.events.stale-after=" + STALE_AFTER.toSeconds() + "s",
				"--emporium.events.stale-check-every=200ms", "--emporium.events.resubmit-every=200ms",
				"--emporium.events.resubmit-after=0s", "--emporium.jobs.polling-interval=100ms" };
	}

	@ParameterizedTest
	@ValueSource(strings = { "PUBLISHED", "PROCESSING", "RESUBMITTED" })
	void aPublicationADeadNodeLeftInFlightIsMarkedFailedAndCompletedByAWorker(String status) {
		try (OutsideConsumer erp = new OutsideConsumer(this.database, "catalog.ProductChanged")) {
			String slug = sentOnce(erp);

			leftInFlight(slug, status, STALE_AFTER.plusMinutes(1), STALE_AFTER.plusMinutes(1));

			assertThat(erp.next(slug, PATIENCE)).as("sent again").isNotNull();
			await().atMost(PATIENCE).untilAsserted(() -> assertThat(row(slug)).isEqualTo(new Row("COMPLETED", 2)));
		}
	}

	/**
	 * A retry started just now is not stale although its event is old (the staleness
	 * monitor of Spring Modulith 2.0.3 took its age from the first publication). A
	 * publication stale by any measure, set alongside, shows that the check has run.
	 */
	@Test
	void aRetryIsAsOldAsItsOwnAttemptNotAsItsEvent() {
		try (OutsideConsumer erp = new OutsideConsumer(this.database, "catalog.ProductChanged")) {
			String retried = sentOnce(erp);
			String stale = sentOnce(erp);

			leftInFlight(retried, "PROCESSING", Duration.ofHours(1), Duration.ZERO);
			leftInFlight(stale, "PROCESSING", STALE_AFTER.plusMinutes(1), STALE_AFTER.plusMinutes(1));

			await().atMost(PATIENCE).untilAsserted(() -> assertThat(row(stale)).isEqualTo(new Row("COMPLETED", 2)));
			assertThat(row(retried)).isEqualTo(new Row("PROCESSING", 2));
		}
	}

	/**
	 * The row stands for a publication another node is sending right now: a node that
	 * starts (as in a rolling restart) must not claim it, and no worker does before it is
	 * stale.
	 */
	@Test
	void aNodeThatStartsLeavesAloneWhatOtherNodesAreRunning() {
		String slug;
		try (OutsideConsumer erp = new OutsideConsumer(this.database, "catalog.ProductChanged")) {
			slug = sentOnce(erp);
		}
		leftInFlight(slug, "PROCESSING", Duration.ZERO, Duration.ZERO);

		try (ConfigurableApplicationContext restarted = startNode(this.database, nodeArguments())) {
			assertThat(row(slug)).isEqualTo(new Row("PROCESSING", 1));
		}
	}

	/**
	 * Makes a product and waits for its ProductChanged to reach {@code erp} and for every
	 * publication of it to complete; returns its slug.
	 */
	private String sentOnce(OutsideConsumer erp) {
		String slug = "test-book-" + this.a.product(1299, 5).toLowerCase();
		assertThat(erp.next(slug, PATIENCE)).as("sent").isNotNull();
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(row(slug)).isEqualTo(new Row("COMPLETED", 1)));
		await().atMost(PATIENCE)
			.until(() -> count(this.database, "select count(*) from event_publication where completion_date is null"
					+ " and serialized_event like '%\"" + slug + "\"%'") == 0);
		return slug;
	}

	/**
	 * Sets the externalization of the product's ProductChanged to {@code status},
	 * published {@code publishedAgo} and last attempted {@code attemptedAgo}: once if
	 * both are equal, else twice.
	 */
	private void leftInFlight(String slug, String status, Duration publishedAgo, Duration attemptedAgo) {
		Instant now = Instant.now();
		int updated = update("""
				update event_publication set status = ?, completion_date = null, publication_date = ?,
					last_resubmission_date = ?, completion_attempts = ?
				where""" + ABOUT, status, Timestamp.from(now.minus(publishedAgo)),
				Timestamp.from(now.minus(attemptedAgo)), publishedAgo.equals(attemptedAgo) ? 1 : 2, pattern(slug));
		assertThat(updated).isOne();
	}

	private Row row(String slug) {
		try (Connection connection = connect();
				PreparedStatement query = connection
					.prepareStatement("select status, completion_attempts from event_publication where" + ABOUT)) {
			query.setString(1, pattern(slug));
			try (ResultSet rs = query.executeQuery()) {
				assertThat(rs.next()).as("externalization of " + slug).isTrue();
				Row row = new Row(rs.getString(1), rs.getInt(2));
				assertThat(rs.next()).isFalse();
				return row;
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private int update(String sql, Object... values) {
		try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < values.length; i++) {
				statement.setObject(i + 1, values[i]);
			}
			return statement.executeUpdate();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(ServicesTestDatabase.SERVER + this.database, "postgres", "");
	}

	private static String pattern(String slug) {
		return "%\"slug\":\"" + slug + "\"%";
	}

	record Row(String status, int attempts) {
	}

}
