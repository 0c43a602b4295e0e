package io.emporium.inventory.internal;

import io.emporium.inventory.StockCounted;
import io.emporium.inventory.StockReleased;
import io.emporium.inventory.StockReserved;
import io.emporium.inventory.StockReturned;
import io.emporium.platform.FanOut;

import org.springframework.context.annotation.Profile;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Tells every node about committed changes of availability, so each forgets those SKUs.
 * The event publication registry keeps each change until the fan-out confirmed it. A
 * single node already forgets its own changes, so there is nothing to tell in embedded
 * mode. (Confirming a hold leaves availability as it is.)
 */
@Component
@Profile("distributed")
class StockFanOut {

	private final FanOut fanOut;

	StockFanOut(FanOut fanOut) {
		this.fanOut = fanOut;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(StockReserved event) {
		this.fanOut.publish(event);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(StockReleased event) {
		this.fanOut.publish(event);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(StockReturned event) {
		this.fanOut.publish(event);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(StockCounted event) {
		this.fanOut.publish(event);
	}

}
