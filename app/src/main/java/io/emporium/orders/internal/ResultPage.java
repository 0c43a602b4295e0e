package io.emporium.orders.internal;

import java.util.List;

/** One page of a stably sorted list, with the size of the whole list. */
public record ResultPage<T>(List<T> items, long total, int page, int size) {

	public ResultPage {
		items = List.copyOf(items);
	}

}
