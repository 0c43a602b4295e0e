package io.emporium.platform.events;

import io.emporium.platform.Broadcast;
import io.emporium.platform.FanOut;

import org.springframework.context.ApplicationEventPublisher;

/** The fan-out of a store with one node: this node hears the event at once. */
final class InProcessFanOut implements FanOut {

	private final ApplicationEventPublisher events;

	InProcessFanOut(ApplicationEventPublisher events) {
		this.events = events;
	}

	@Override
	public void publish(Object event) {
		if (!EventCodec.isModuleEvent(event)) {
			throw new IllegalArgumentException("not a module's event record: " + event.getClass().getName());
		}
		this.events.publishEvent(new Broadcast<>(event));
	}

}
