package io.emporium.checkout.internal;

import java.util.List;

import io.emporium.orders.OrderLine;
import io.emporium.platform.Money;

/**
 * A claimed cart priced from the catalog at checkout time: what the shopper pays for. Its
 * fingerprint tells a retry of the same purchase from a retry after the cart changed.
 */
record PricedLines(List<OrderLine> lines, Money total) {

	PricedLines {
		if (lines.isEmpty()) {
			throw new IllegalArgumentException("a purchase has at least one line");
		}
		lines = List.copyOf(lines);
	}

	static PricedLines of(List<OrderLine> lines) {
		return new PricedLines(lines, lines.stream().map(OrderLine::lineTotal).reduce(Money::plus).orElseThrow());
	}

	/** SHA-256 over every line's SKU, quantity and unit price, and the total. */
	String fingerprint() {
		StringBuilder canonical = new StringBuilder();
		for (OrderLine line : this.lines) {
			canonical.append(line.sku())
				.append('|')
				.append(line.quantity())
				.append('|')
				.append(line.unitPrice().amount())
				.append(line.unitPrice().currency())
				.append('\n');
		}
		canonical.append(this.total.amount()).append(this.total.currency());
		return Digests.sha256(canonical.toString());
	}

}
