package io.emporium.catalog.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.emporium.catalog.internal.Product;
import io.emporium.catalog.internal.Products.ProductView;
import io.emporium.platform.Money;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of products; the mapping from the module's types happens only here. */
final class ProductJson {

	private ProductJson() {
	}

	record Detail(UUID id, String slug, String title, String description, Money price, Map<String, String> attributes,
			List<String> media, List<String> categories, List<VariantJson> variants) {

		static Detail of(ProductView view) {
			Product product = view.product();
			return new Detail(product.id(), product.slug(), product.title(), product.description(), product.price(),
					product.attributes(), product.media(), product.categories(), variantsOf(view));
		}

		static Detail of(Product product) {
			return of(new ProductView(product, Map.of()));
		}

	}

	record Summary(String slug, String title, Money price, Map<String, String> attributes, @Nullable String image,
			List<String> categories, List<VariantJson> variants) {

		static Summary of(ProductView view) {
			Product product = view.product();
			return new Summary(product.slug(), product.title(), product.price(), product.attributes(),
					product.media().isEmpty() ? null : product.media().get(0), product.categories(), variantsOf(view));
		}

	}

	record VariantJson(String sku, String title, Money price, int available) {
	}

	record Page(List<Summary> items, long total, int page, int size) {
	}

	private static List<VariantJson> variantsOf(ProductView view) {
		return view.product()
			.variants()
			.stream()
			.map(variant -> new VariantJson(variant.sku(), variant.title(), variant.price(),
					view.available(variant.sku())))
			.toList();
	}

}
