package io.emporium.catalog.internal;

import io.emporium.catalog.CategoryAdded;
import io.emporium.catalog.PriceChanged;
import io.emporium.catalog.ProductChanged;
import io.emporium.platform.FanOut;

import org.springframework.context.annotation.Profile;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Tells every node about committed catalog changes, so each forgets its copy. The event
 * publication registry keeps each change until the fan-out confirmed it. A single node
 * already forgets its own changes, so there is nothing to tell in embedded mode.
 */
@Component
@Profile("distributed")
class CatalogFanOut {

	private final FanOut fanOut;

	CatalogFanOut(FanOut fanOut) {
		this.fanOut = fanOut;
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(ProductChanged event) {
		this.fanOut.publish(event);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(PriceChanged event) {
		this.fanOut.publish(event);
	}

	@ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
	void on(CategoryAdded event) {
		this.fanOut.publish(event);
	}

}
