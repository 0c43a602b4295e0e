package io.emporium.orders;

import io.emporium.platform.Money;

/** One line as sold: a snapshot of title and unit price at the time of purchase. */
public record OrderLine(String sku, String title, int quantity, Money unitPrice) {

	public OrderLine {
		if (quantity < 1) {
			throw new IllegalArgumentException("quantity must be at least 1");
		}
	}

	public Money lineTotal() {
		return this.unitPrice.times(this.quantity);
	}

}
