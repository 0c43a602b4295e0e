package io.emporium.platform.events;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * Sends a message and completes only once RabbitMQ confirmed it (publisher confirms); a
 * send that cannot reach the broker, a negative confirm or no confirm within the timeout
 * fail it, so the event publication behind it stays incomplete and is sent again.
 */
final class ConfirmedSender {

	private final RabbitTemplate template;

	private final Duration timeout;

	ConfirmedSender(RabbitTemplate template, Duration timeout) {
		this.template = template;
		this.timeout = timeout;
	}

	CompletableFuture<Void> send(String exchange, String routingKey, Message message) {
		CorrelationData correlation = new CorrelationData(UUID.randomUUID().toString());
		try {
			this.template.send(exchange, routingKey, message, correlation);
		}
		catch (AmqpException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		return correlation.getFuture().orTimeout(this.timeout.toMillis(), TimeUnit.MILLISECONDS).thenAccept(confirm -> {
			if (!confirm.ack()) {
				throw new AmqpException("RabbitMQ refused the message: " + confirm.reason());
			}
		});
	}

}
