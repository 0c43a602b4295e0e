package io.emporium.orders.internal;

import java.util.List;

/** An order with its whole history, oldest change first. */
public record OrderDetails(Order order, List<HistoryEntry> history) {

	public OrderDetails {
		history = List.copyOf(history);
	}

}
