package io.emporium.platform.events;

import java.util.concurrent.CompletionException;

import io.emporium.platform.Broadcast;
import io.emporium.platform.FanOut;

import org.springframework.amqp.core.Message;
import org.springframework.context.ApplicationEventPublisher;

/**
 * The fan-out between nodes: every event goes to the store's fan-out exchange, which
 * copies it into each node's own exclusive queue; {@link #receive} turns what arrives
 * back into a local {@link Broadcast}. Publishing returns only once RabbitMQ confirmed
 * the message.
 */
final class RabbitFanOut implements FanOut {

	private final ConfirmedSender sender;

	private final String exchange;

	private final EventCodec codec;

	private final ApplicationEventPublisher events;

	RabbitFanOut(ConfirmedSender sender, String exchange, EventCodec codec, ApplicationEventPublisher events) {
		this.sender = sender;
		this.exchange = exchange;
		this.codec = codec;
		this.events = events;
	}

	@Override
	public void publish(Object event) {
		try {
			this.sender.send(this.exchange, "", this.codec.encode(event)).join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw ex;
		}
	}

	void receive(Message message) {
		this.events.publishEvent(new Broadcast<>(this.codec.decode(message)));
	}

}
