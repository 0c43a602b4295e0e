package io.emporium.catalog;

import java.util.Collection;
import java.util.Map;

/** What other modules may ask the catalog. */
public interface Catalog {

	/** The variants behind these SKUs, keyed by SKU; unknown SKUs are simply absent. */
	Map<String, VariantView> variants(Collection<String> skus);

	long productCount();

}
