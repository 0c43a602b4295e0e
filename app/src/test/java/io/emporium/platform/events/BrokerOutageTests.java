package io.emporium.platform.events;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import io.emporium.EmporiumApplication;
import io.emporium.StoreFixture;
import io.emporium.catalog.ProductChanged;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events published while RabbitMQ cannot be reached are not lost: their publications stay
 * incomplete in the registry, and once the broker answers again the resubmission job
 * sends them, to the store's topic exchange as JSON with their type as routing key and
 * header. The node starts with its connection pointed at a closed port and is then
 * pointed at the real broker; the shared broker itself is never stopped.
 */
@Tag("services")
class BrokerOutageTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private final String namespace = "test-" + UUID.randomUUID();

	@Test
	void eventsPublishedWhileTheBrokerIsUnreachableAreDeliveredOnceItIsBack() throws Exception {
		CachingConnectionFactory outside = new CachingConnectionFactory("127.0.0.1", RabbitNode.BROKER);
		outside.setUsername("guest");
		outside.setPassword("guest");
		try (ConfigurableApplicationContext node = start(closedPort())) {
			Queue consumer = subscribe(outside, "catalog.ProductChanged");
			RabbitTemplate receiver = new RabbitTemplate(outside);
			EventPublicationRegistry registry = node.getBean(EventPublicationRegistry.class);

			String sku = new StoreFixture(port(node)).product(1299, 5);
			String slug = "test-book-" + sku.toLowerCase();

			await().atMost(PATIENCE)
				.until(() -> registry.findIncompletePublications()
					.stream()
					.anyMatch(publication -> about(publication, slug)
							&& publication.getStatus() == EventPublication.Status.FAILED));
			assertThat(receiver.receive(consumer.getName())).isNull();

			CachingConnectionFactory connections = node.getBean(CachingConnectionFactory.class);
			connections.setAddresses("127.0.0.1:" + RabbitNode.BROKER);
			connections.resetConnection();

			Message message = await().atMost(PATIENCE)
				.until(() -> receiver.receive(consumer.getName()), m -> m != null);
			assertThat(message.getMessageProperties().getReceivedRoutingKey()).isEqualTo("catalog.ProductChanged");
			assertThat((String) message.getMessageProperties().getHeader(EventCodec.TYPE_HEADER))
				.isEqualTo("catalog.ProductChanged");
			assertThat(message.getMessageProperties().getContentType()).isEqualTo("application/json");
			assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).contains("\"slug\":\"" + slug + "\"");
			await().atMost(PATIENCE)
				.until(() -> registry.findIncompletePublications()
					.stream()
					.noneMatch(publication -> about(publication, slug)));
		}
		finally {
			outside.destroy();
		}
	}

	/** A queue of this test's own on the store's topic exchange, for one routing key. */
	private Queue subscribe(CachingConnectionFactory connections, String routingKey) {
		RabbitAdmin admin = new RabbitAdmin(connections);
		TopicExchange events = new TopicExchange(this.namespace + ".events", true, false);
		Queue queue = new Queue(this.namespace + ".outside", false, true, true);
		admin.declareExchange(events);
		admin.declareQueue(queue);
		admin.declareBinding(BindingBuilder.bind(queue).to(events).with(routingKey));
		return queue;
	}

	private ConfigurableApplicationContext start(int rabbitPort) {
		return new SpringApplicationBuilder(EmporiumApplication.class).profiles("test")
			.run("--server.port=0", "--emporium.namespace=" + this.namespace,
					"--spring.rabbitmq.addresses=amqp://guest:guest@127.0.0.1:" + rabbitPort,
					"--emporium.events.resubmit-every=200ms", "--emporium.events.resubmit-after=0s",
					"--emporium.jobs.polling-interval=100ms");
	}

	private static boolean about(EventPublication publication, String slug) {
		return publication.getEvent() instanceof ProductChanged changed && changed.slug().equals(slug);
	}

	private static int closedPort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

}
