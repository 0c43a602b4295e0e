package io.emporium.inventory.internal;

import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import io.emporium.inventory.internal.Reservations.HeldLine;
import io.emporium.orders.OrderCancelled;
import io.emporium.orders.OrderRefunded;
import io.emporium.orders.OrderStatus;
import io.emporium.orders.Orders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Puts a cancelled order's units back in the warehouses they came from, and a refunded
 * one's while nothing has left a warehouse. Each reaction runs in its own transaction
 * after the order's commit, notes the step on the order in that same transaction, and is
 * retried from the event publication registry when it fails.
 */
@Component
class OrderStockReturns {

	private static final Logger log = LoggerFactory.getLogger(OrderStockReturns.class);

	private static final String ACTOR = "inventory";

	/** Well within what an order's history keeps of a note. */
	private static final int NOTE_LENGTH = 500;

	private final Reservations reservations;

	private final Orders orders;

	OrderStockReturns(Reservations reservations, Orders orders) {
		this.reservations = reservations;
		this.orders = orders;
	}

	@ApplicationModuleListener
	void on(OrderCancelled cancelled) {
		giveBack(cancelled.orderId());
	}

	@ApplicationModuleListener
	void on(OrderRefunded refunded) {
		if (refunded.from() == OrderStatus.PAID || refunded.from() == OrderStatus.FULFILLED) {
			giveBack(refunded.orderId());
		}
		else {
			log.atDebug()
				.setMessage("refund after shipping returns no stock")
				.addKeyValue("orderId", refunded.orderId())
				.addKeyValue("from", refunded.from())
				.log();
		}
	}

	private void giveBack(UUID orderId) {
		List<HeldLine> returned = this.reservations.returnToStock(orderId);
		if (returned.isEmpty()) {
			log.atDebug().setMessage("no confirmed reservation to return").addKeyValue("orderId", orderId).log();
			return;
		}
		this.orders.note(orderId, ACTOR,
				returned.stream()
					.map(line -> line.quantity() + " × " + line.sku() + " returned to " + line.warehouse())
					.collect(Collectors.joining(", ")));
		log.atInfo().setMessage("stock returned").addKeyValue("orderId", orderId).log();
	}

	/**
	 * Each line, such as "2 × SKU-1 returned to main"; a large order is summed up per
	 * warehouse instead, so the note stays short enough for the order's history.
	 */
	private static String note(List<HeldLine> returned) {
		String each = returned.stream()
			.map(line -> line.quantity() + " × " + line.sku() + " returned to " + line.warehouse())
			.collect(Collectors.joining(", "));
		if (each.length() <= NOTE_LENGTH) {
			return each;
		}
		return returned.stream()
			.collect(
					Collectors.groupingBy(HeldLine::warehouse, TreeMap::new, Collectors.summingInt(HeldLine::quantity)))
			.entrySet()
			.stream()
			.map(warehouse -> warehouse.getValue() + " units returned to " + warehouse.getKey())
			.collect(Collectors.joining(", "));
	}

}
