package io.emporium.platform.events;

import java.time.Duration;
import java.util.function.Consumer;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Base64UrlNamingStrategy;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

/**
 * One node's RabbitMQ fan-out, wired as {@code EventsConfiguration} wires it, on a broker
 * at {@code port} (which may be closed); {@code declare} false leaves its exchange, queue
 * and listener out.
 */
final class RabbitNode implements AutoCloseable {

	static final int BROKER = 5672;

	final RabbitFanOut fanOut;

	private final CachingConnectionFactory connections;

	private final SimpleMessageListenerContainer listener;

	RabbitNode(String namespace, int port, boolean declare, Consumer<Object> hears) {
		this.connections = new CachingConnectionFactory("127.0.0.1", port);
		this.connections.setUsername("guest");
		this.connections.setPassword("guest");
		this.connections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
		EventCodec codec = new EventCodec(JsonMapper.builder().build());
		FanoutExchange exchange = new FanoutExchange(namespace + ".fanout", true, false);
		this.fanOut = new RabbitFanOut(new ConfirmedSender(new RabbitTemplate(this.connections), Duration.ofSeconds(5)),
				exchange.getName(), codec, hears::accept);
		this.listener = new SimpleMessageListenerContainer(this.connections);
		if (declare) {
			RabbitAdmin admin = new RabbitAdmin(this.connections);
			Queue queue = new Queue(new Base64UrlNamingStrategy(namespace + ".fanout.").generateName(), false, true,
					true);
			admin.declareExchange(exchange);
			admin.declareQueue(queue);
			admin.declareBinding(BindingBuilder.bind(queue).to(exchange));
			this.listener.setQueues(queue);
			this.listener.setMessageListener(this.fanOut::receive);
			this.listener.setDefaultRequeueRejected(false);
			this.listener.start();
		}
	}

	@Override
	public void close() {
		this.listener.stop();
		this.connections.destroy();
	}

}
