package io.emporium.inventory.internal;

import java.util.concurrent.Executor;

import io.emporium.inventory.StockCounted;
import io.emporium.inventory.StockReleased;
import io.emporium.inventory.StockReserved;
import io.emporium.inventory.StockReturned;
import io.emporium.platform.AfterCommit;
import io.emporium.platform.FanOut;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.stereotype.Component;

/**
 * Tells every node about committed changes of availability, so each forgets those SKUs.
 * Sent once the change committed, off the committing thread, and not kept in the event
 * publication registry: a lost message delays another node only until its availability
 * cache expires ({@code emporium.inventory.availability-ttl}), while a registry row for
 * every reservation was a cost of every order (ADR 0014). A failed send is logged and
 * counted, not retried. A single node already forgets its own changes, so there is
 * nothing to tell in embedded mode. (Confirming a hold leaves availability as it is.)
 */
@Component
@Profile("distributed")
class StockFanOut {

	private static final Logger log = LoggerFactory.getLogger(StockFanOut.class);

	private final FanOut fanOut;

	private final Executor executor;

	private final Counter lost;

	StockFanOut(FanOut fanOut, @Qualifier("applicationTaskExecutor") Executor executor, MeterRegistry meters) {
		this.fanOut = fanOut;
		this.executor = executor;
		this.lost = Counter.builder("emporium.inventory.fanout.lost")
			.description(
					"Stock changes not sent to the other nodes; they see them once their availability cache expires")
			.register(meters);
	}

	@EventListener
	void on(StockReserved event) {
		AfterCommit.run(() -> send(event));
	}

	@EventListener
	void on(StockReleased event) {
		AfterCommit.run(() -> send(event));
	}

	@EventListener
	void on(StockReturned event) {
		AfterCommit.run(() -> send(event));
	}

	@EventListener
	void on(StockCounted event) {
		AfterCommit.run(() -> send(event));
	}

	private void send(Object event) {
		try {
			this.executor.execute(() -> {
				try {
					this.fanOut.publish(event);
				}
				catch (RuntimeException ex) {
					lost(event, ex);
				}
			});
		}
		catch (TaskRejectedException ex) {
			lost(event, ex);
		}
	}

	private void lost(Object event, RuntimeException ex) {
		this.lost.increment();
		log.atWarn()
			.setMessage("stock change not sent to the other nodes")
			.addKeyValue("event", event.getClass().getSimpleName())
			.addKeyValue("reason", ex.toString())
			.log();
	}

}
