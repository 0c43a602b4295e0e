package io.emporium.platform.events;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.events.CompletedEventPublications;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/** The registry keeps completed publications for a while, not for ever. */
class CompletedPublicationsPurgeTests {

	@Test
	void deletesCompletedPublicationsOlderThanConfigured() {
		CompletedEventPublications completed = mock(CompletedEventPublications.class);
		EventsProperties properties = new EventsProperties(Duration.ofSeconds(5), Duration.ofSeconds(10),
				Duration.ofSeconds(30), 1000, Duration.ofHours(2), Duration.ofMinutes(10), Duration.ofMinutes(5),
				Duration.ofMinutes(1), 64);
		RecurringTask<Void> purge = new EventsConfiguration().platformPurgeCompletedEvents(completed, properties);

		purge.execute(new TaskInstance<>(purge.getName(), RecurringTask.INSTANCE), null);

		verify(completed).deletePublicationsOlderThan(Duration.ofHours(2));
	}

}
