package io.emporium.platform.events;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.emporium.platform.BroadcastsMissed;
import io.emporium.platform.EmporiumProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Base64UrlNamingStrategy;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.ConsumeOkEvent;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerEndpoint;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.Externalized;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;

/**
 * The event transport: in-process on one node; in distributed mode a RabbitMQ fan-out to
 * every node and the externalization of the module events marked {@link Externalized} to
 * the store's topic exchange, with publisher confirms (ADR 0014).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventsProperties.class)
class EventsConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EventsConfiguration.class);

	/**
	 * Publications whose listener failed are tried again on a worker once they are
	 * {@code resubmit-after} old; each is claimed before it runs again, so two workers
	 * never both resubmit it. Spring Modulith 2.0.3's JDBC registry ignores the minimum
	 * age for failed publications (spring-modulith#1943), so the filter applies it.
	 */
	@Bean
	RecurringTask<Void> platformResubmitEvents(IncompleteEventPublications publications, EventsProperties properties,
			Clock clock) {
		ResubmissionOptions options = ResubmissionOptions.defaults()
			.withMinAge(properties.resubmitAfter())
			.withBatchSize(properties.resubmitBatch())
			.withFilter(publication -> publication.getPublicationDate()
				.isBefore(clock.instant().minus(properties.resubmitAfter())));
		return Tasks.recurring("platform-resubmit-events", FixedDelay.of(properties.resubmitEvery()))
			.execute((instance, context) -> publications.resubmitIncompletePublications(options));
	}

	/**
	 * In distributed mode a node that starts does not republish what is in flight (other
	 * nodes may be running it); instead a worker marks failed what has been in flight for
	 * {@code stale-after}, and the resubmission above runs it again. One node (embedded
	 * mode) republishes all that is incomplete when it starts.
	 */
	@Bean
	@Profile("distributed")
	RecurringTask<Void> platformFailStaleEvents(JdbcClient jdbc, Clock clock, EventsProperties properties) {
		StalePublications stale = new StalePublications(jdbc, clock);
		return Tasks.recurring("platform-fail-stale-events", FixedDelay.of(properties.staleCheckEvery()))
			.execute((instance, context) -> stale.markFailed(properties.staleAfter()));
	}

	/** See {@link CompletedPublicationsGuard}. */
	@Bean
	static CompletedPublicationsGuard completedPublicationsGuard(ObjectProvider<JdbcClient> jdbc) {
		return new CompletedPublicationsGuard(jdbc);
	}

	/**
	 * Completed publications are kept {@code keep-completed} and then deleted, so that
	 * the registry's table holds what is in flight and recent history, not every event
	 * ever.
	 */
	@Bean
	RecurringTask<Void> platformPurgeCompletedEvents(CompletedEventPublications completed,
			EventsProperties properties) {
		return Tasks.recurring("platform-purge-completed-events", FixedDelay.of(properties.purgeEvery()))
			.execute((instance, context) -> completed.deletePublicationsOlderThan(properties.keepCompleted()));
	}

	@Bean
	@Profile("!distributed")
	InProcessFanOut fanOut(ApplicationEventPublisher events) {
		return new InProcessFanOut(events);
	}

	@Configuration(proxyBeanMethods = false)
	@Profile("distributed")
	static class Rabbit {

		@Bean
		EventCodec eventCodec(JsonMapper json) {
			return new EventCodec(json);
		}

		@Bean
		ConfirmedSender confirmedSender(RabbitTemplate template, EventsProperties properties) {
			return new ConfirmedSender(template, properties.confirmTimeout());
		}

		@Bean
		FanoutExchange fanOutExchange(EmporiumProperties emporium) {
			return new FanoutExchange(emporium.namespace() + ".fanout", true, false);
		}

		/**
		 * This node's own copy of every fan-out message: exclusive, gone with the node's
		 * connection, declared again under the same name when it reconnects.
		 */
		@Bean
		Queue fanOutQueue(EmporiumProperties emporium) {
			return new Queue(new Base64UrlNamingStrategy(emporium.namespace() + ".fanout.").generateName(), false, true,
					true);
		}

		@Bean
		Binding fanOutBinding(Queue fanOutQueue, FanoutExchange fanOutExchange) {
			return BindingBuilder.bind(fanOutQueue).to(fanOutExchange);
		}

		@Bean
		RabbitFanOut fanOut(ConfirmedSender sender, FanoutExchange fanOutExchange, EventCodec codec,
				ApplicationEventPublisher events) {
			return new RabbitFanOut(sender, fanOutExchange.getName(), codec, events);
		}

		/** One consumer, so a node applies the messages in the order they arrive. */
		@Bean
		SimpleMessageListenerContainer fanOutListener(SimpleRabbitListenerContainerFactory factory, Queue fanOutQueue,
				RabbitFanOut fanOut) {
			SimpleRabbitListenerEndpoint endpoint = new SimpleRabbitListenerEndpoint();
			endpoint.setId("emporium-fan-out");
			endpoint.setQueues(fanOutQueue);
			endpoint.setMessageListener(fanOut::receive);
			SimpleMessageListenerContainer container = factory.createListenerContainer(endpoint);
			container.setConcurrentConsumers(1);
			container.setDefaultRequeueRejected(false);
			return container;
		}

		/**
		 * The first consume-ok on this node's fan-out queue starts it; every later one
		 * follows a lost connection, which took the exclusive queue and what was sent to
		 * it meanwhile: the node is told that it missed broadcasts.
		 */
		@Bean
		ApplicationListener<ConsumeOkEvent> fanOutGaps(Queue fanOutQueue, ApplicationEventPublisher events,
				Clock clock) {
			AtomicBoolean started = new AtomicBoolean();
			return event -> {
				if (fanOutQueue.getName().equals(event.getQueue()) && started.getAndSet(true)) {
					log.atWarn()
						.setMessage("fan-out consumed again after a lost connection; forgetting local copies")
						.addKeyValue("queue", event.getQueue())
						.log();
					events.publishEvent(new BroadcastsMissed(clock.instant()));
				}
			};
		}

		@Bean
		TopicExchange eventsExchange(EmporiumProperties emporium) {
			return new TopicExchange(emporium.namespace() + ".events", true, false);
		}

		/**
		 * The module events marked {@link Externalized} (the integration contract: what
		 * an ERP, a warehouse, a mailer or analytics need) go to the topic exchange with
		 * their type as routing key (e.g. {@code catalog.PriceChanged}), so outside
		 * consumers bind to what they need. The steps inside a checkout stay inside.
		 */
		@Bean
		EventExternalizationConfiguration eventExternalization(TopicExchange eventsExchange) {
			return EventExternalizationConfiguration.externalizing()
				.select(EventExternalizationConfiguration.annotatedAsExternalized().and(EventCodec::isModuleEvent))
				.routeAll(event -> RoutingTarget.forTarget(eventsExchange.getName()).andKey(EventCodec.typeOf(event)))
				.build();
		}

		@Bean
		DelegatingEventExternalizer eventExternalizer(EventExternalizationConfiguration configuration,
				ConfirmedSender sender, EventCodec codec) {
			return new DelegatingEventExternalizer(configuration,
					(target, event) -> sender.send(target.getTarget(), target.getKey(), codec.encode(event)));
		}

	}

}
