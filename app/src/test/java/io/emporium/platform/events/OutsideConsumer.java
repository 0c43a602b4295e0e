package io.emporium.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * A consumer outside the store, as an ERP or a mailer would be: its own queue on the
 * store's topic exchange ({@code <namespace>.events}), bound for the routing keys given.
 */
final class OutsideConsumer implements AutoCloseable {

	private final CachingConnectionFactory connections;

	private final Queue queue;

	private final RabbitTemplate receiver;

	OutsideConsumer(String namespace, String... routingKeys) {
		this.connections = new CachingConnectionFactory("127.0.0.1", RabbitNode.BROKER);
		this.connections.setUsername("guest");
		this.connections.setPassword("guest");
		RabbitAdmin admin = new RabbitAdmin(this.connections);
		TopicExchange events = new TopicExchange(namespace + ".events", true, false);
		// exclusive: gone with the connection; not auto-delete, which a receive with a
		// timeout (a consumer that is cancelled) would set off
		this.queue = new Queue(namespace + ".outside." + UUID.randomUUID(), false, true, false);
		admin.declareExchange(events);
		admin.declareQueue(this.queue);
		for (String key : routingKeys) {
			admin.declareBinding(BindingBuilder.bind(this.queue).to(events).with(key));
		}
		this.receiver = new RabbitTemplate(this.connections);
	}

	/**
	 * The body of the next message whose body contains {@code text}, skipping others;
	 * null if none arrives within {@code patience}.
	 */
	@Nullable String next(String text, Duration patience) {
		long deadline = System.nanoTime() + patience.toNanos();
		long left;
		while ((left = deadline - System.nanoTime()) > 0) {
			Message message = this.receiver.receive(this.queue.getName(), Math.max(1, left / 1_000_000));
			if (message != null) {
				String body = new String(message.getBody(), StandardCharsets.UTF_8);
				if (body.contains(text)) {
					return message.getMessageProperties().getReceivedRoutingKey() + " " + body;
				}
			}
		}
		return null;
	}

	/**
	 * The routing keys of the messages that arrive until every one of {@code expected}
	 * has (externalized events keep no order among themselves); fails if they do not all
	 * arrive within {@code patience}.
	 */
	List<String> keysUntilAll(List<String> expected, Duration patience) {
		List<String> keys = new ArrayList<>();
		long deadline = System.nanoTime() + patience.toNanos();
		long left;
		while ((left = deadline - System.nanoTime()) > 0) {
			Message message = this.receiver.receive(this.queue.getName(), Math.max(1, left / 1_000_000));
			if (message != null) {
				keys.add(message.getMessageProperties().getReceivedRoutingKey());
				if (keys.containsAll(expected)) {
					return keys;
				}
			}
		}
		throw new AssertionError("not all of " + expected + " arrived within " + patience + "; got " + keys);
	}

	@Override
	public void close() {
		this.connections.destroy();
	}

}
