package io.emporium.platform.events;

import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.emporium.catalog.ProductChanged;
import io.emporium.platform.Broadcast;
import io.emporium.platform.FanOut;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.AmqpException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/** The fan-out on the local RabbitMQ: every node of a store hears every event. */
@Tag("services")
class RabbitFanOutTests extends FanOutContract {

	private final String namespace = "test-" + UUID.randomUUID();

	private final List<RabbitNode> nodes = new ArrayList<>();

	@Override
	FanOut node() {
		return start(this.namespace, RabbitNode.BROKER, true, this.heard::add).fanOut;
	}

	@AfterEach
	void stopNodes() {
		this.nodes.forEach(RabbitNode::close);
	}

	@Test
	void everyNodeOfTheStoreHearsWhatAnyNodePublished() {
		List<Object> second = new CopyOnWriteArrayList<>();
		FanOut first = node();
		start(this.namespace, RabbitNode.BROKER, true, second::add);
		ProductChanged changed = new ProductChanged(UUID.randomUUID(), "the-long-night");

		first.publish(changed);

		await().untilAsserted(() -> {
			assertThat(this.heard).containsExactly(new Broadcast<>(changed));
			assertThat(second).containsExactly(new Broadcast<>(changed));
		});
	}

	@Test
	void anotherStoreOnTheSameBrokerHearsNothing() {
		List<Object> elsewhere = new CopyOnWriteArrayList<>();
		FanOut fanOut = node();
		start("test-" + UUID.randomUUID(), RabbitNode.BROKER, true, elsewhere::add).fanOut
			.publish(new ProductChanged(UUID.randomUUID(), "elsewhere"));
		ProductChanged changed = new ProductChanged(UUID.randomUUID(), "here");

		fanOut.publish(changed);

		await().untilAsserted(() -> assertThat(this.heard).containsExactly(new Broadcast<>(changed)));
		assertThat(elsewhere).doesNotContain(new Broadcast<>(changed));
	}

	@Test
	void publishingFailsWhenTheBrokerCannotBeReached() throws Exception {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		FanOut unreachable = start(this.namespace, closed, false, this.heard::add).fanOut;

		assertThatExceptionOfType(AmqpException.class)
			.isThrownBy(() -> unreachable.publish(new ProductChanged(UUID.randomUUID(), "lost")));
	}

	@Test
	void publishingFailsWhenTheBrokerRefusesTheMessage() {
		FanOut withoutExchange = start("test-" + UUID.randomUUID(), RabbitNode.BROKER, false, this.heard::add).fanOut;

		assertThatExceptionOfType(AmqpException.class)
			.isThrownBy(() -> withoutExchange.publish(new ProductChanged(UUID.randomUUID(), "refused")));
	}

	private RabbitNode start(String namespace, int port, boolean declare, Consumer<Object> hears) {
		RabbitNode node = new RabbitNode(namespace, port, declare, hears);
		this.nodes.add(node);
		return node;
	}

}
