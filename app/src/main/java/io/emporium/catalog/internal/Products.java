package io.emporium.catalog.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.emporium.inventory.Inventory;
import io.emporium.platform.NotFoundException;
import io.emporium.platform.Paging;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * The storefront's reads: products with their current availability. Availability is asked
 * of inventory once per response, for all SKUs in it, and never cached here.
 */
@Service
public class Products {

	private final ProductStore store;

	private final CategoryTree categories;

	private final Inventory inventory;

	Products(ProductStore store, CategoryTree categories, Inventory inventory) {
		this.store = store;
		this.categories = categories;
		this.inventory = inventory;
	}

	public ProductView bySlug(String slug) {
		Product product = this.store.bySlug(slug).orElseThrow(() -> new NotFoundException("Product " + slug));
		return new ProductView(product, this.inventory.available(product.skus()));
	}

	/**
	 * One page sorted by title then id, so pages never overlap or skip while unchanged.
	 */
	public ProductPage page(@Nullable String category, int page, int size) {
		int capped = new Paging(page, size).size();
		boolean filtered = category != null && !category.isBlank();
		Set<String> under = filtered ? this.categories.withDescendants(category) : Set.of();
		long total = this.store.count(under, filtered);
		List<UUID> ids = this.store.page(under, filtered, page, capped);
		List<Product> products = this.store.byIds(ids);
		Map<String, Integer> available = this.inventory
			.available(products.stream().flatMap(product -> product.skus().stream()).toList());
		List<ProductView> items = products.stream().map(product -> new ProductView(product, available)).toList();
		return new ProductPage(items, total, page, capped);
	}

	/**
	 * A product and the units available per SKU (it may hold other products' SKUs too).
	 */
	public record ProductView(Product product, Map<String, Integer> available) {

		public int available(String sku) {
			return this.available.getOrDefault(sku, 0);
		}

	}

	public record ProductPage(List<ProductView> items, long total, int page, int size) {
	}

}
