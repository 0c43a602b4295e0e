package io.emporium.checkout.internal;

import java.util.List;
import java.util.Map;

import io.emporium.cart.CartSnapshot;
import io.emporium.catalog.Catalog;
import io.emporium.catalog.VariantView;
import io.emporium.orders.OrderLine;
import io.emporium.platform.InvalidRequestException;

import org.springframework.stereotype.Component;

/** Prices a claimed cart from the catalog in one batched read; never from the cart. */
@Component
class CartPricing {

	private final Catalog catalog;

	CartPricing(Catalog catalog) {
		this.catalog = catalog;
	}

	PricedLines price(CartSnapshot cart) {
		Map<String, VariantView> variants = this.catalog
			.variants(cart.lines().stream().map(CartSnapshot.Line::sku).toList());
		List<OrderLine> lines = cart.lines().stream().map(line -> {
			VariantView variant = variants.get(line.sku());
			if (variant == null) {
				throw new InvalidRequestException("unknown-sku",
						"The cart holds an item no longer sold: " + line.sku());
			}
			return new OrderLine(line.sku(), variant.lineTitle(), line.quantity(), variant.price());
		}).toList();
		return PricedLines.of(lines);
	}

}
