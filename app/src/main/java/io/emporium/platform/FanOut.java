package io.emporium.platform;

/**
 * Port that tells every node of this store, this one included, about an event; each node
 * hears it as a {@link Broadcast}. In-process on one node; RabbitMQ between several.
 */
public interface FanOut {

	/**
	 * Hands a module's event record to every node; returns once the transport has taken
	 * it, so a caller in an event listener is marked done only then.
	 * @throws RuntimeException when the transport refused it or did not confirm it in
	 * time
	 */
	void publish(Object event);

}
