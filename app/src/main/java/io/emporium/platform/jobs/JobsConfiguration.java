package io.emporium.platform.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.stats.MicrometerStatsRegistry;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import io.emporium.platform.EmporiumProperties;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The cluster-safe job engine (db-scheduler) on the relational store. Every node can
 * schedule work; only nodes with the {@code worker} role execute it, once Flyway has
 * created its table.
 */
@Configuration(proxyBeanMethods = false)
class JobsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(JobsConfiguration.class);

	@Bean(destroyMethod = "stop")
	Scheduler scheduler(DataSource dataSource, ObjectProvider<Task<?>> tasks, JobsProperties properties,
			MeterRegistry meters) {
		List<Task<?>> oneOff = new ArrayList<>();
		List<RecurringTask<?>> recurring = new ArrayList<>();
		tasks.orderedStream().forEach(task -> {
			if (task instanceof RecurringTask<?> schedule) {
				recurring.add(schedule);
			}
			else {
				oneOff.add(task);
			}
		});
		List<Task<?>> all = new ArrayList<>(oneOff);
		all.addAll(recurring);
		return Scheduler.create(dataSource, oneOff)
			.startTasks(recurring)
			.statsRegistry(new MicrometerStatsRegistry(meters, all))
			.threads(properties.threads())
			.pollingInterval(properties.pollingInterval())
			.heartbeatInterval(Duration.ofSeconds(30))
			.enableImmediateExecution()
			.build();
	}

	@Bean
	JobsStarter jobsStarter(Scheduler scheduler, EmporiumProperties properties) {
		return new JobsStarter(scheduler, properties);
	}

	record JobsStarter(Scheduler scheduler, EmporiumProperties properties) {

		@EventListener(ApplicationReadyEvent.class)
		void start() {
			if (this.properties.hasRole("worker")) {
				this.scheduler.start();
				log.atInfo().setMessage("job scheduler started").log();
			}
		}

	}

}
