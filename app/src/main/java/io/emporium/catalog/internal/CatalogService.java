package io.emporium.catalog.internal;

import java.util.Collection;
import java.util.Map;

import io.emporium.catalog.Catalog;
import io.emporium.catalog.VariantView;
import io.emporium.inventory.SkuDirectory;
import io.emporium.platform.StartupFact;

import org.springframework.stereotype.Service;

/**
 * The catalog as other modules see it, inventory's directory of SKUs, and the product
 * count in the start-up line.
 */
@Service
class CatalogService implements Catalog, SkuDirectory, StartupFact {

	private final ProductStore store;

	CatalogService(ProductStore store) {
		this.store = store;
	}

	@Override
	public Map<String, VariantView> variants(Collection<String> skus) {
		return this.store.variantViews(skus);
	}

	@Override
	public long productCount() {
		return this.store.count();
	}

	@Override
	public boolean exists(String sku) {
		return this.store.skuExists(sku);
	}

	@Override
	public String describe() {
		return productCount() + " products";
	}

}
