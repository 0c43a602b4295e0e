package io.emporium.catalog;

import io.emporium.platform.Money;

/**
 * A sellable variant as other modules see it: enough to price and describe a cart or
 * order line.
 */
public record VariantView(String sku, String productSlug, String productTitle, String variantTitle, Money price) {

	/** How a cart or order line names it, e.g. "The Long Night (Paperback)". */
	public String lineTitle() {
		return this.productTitle + " (" + this.variantTitle + ")";
	}

}
