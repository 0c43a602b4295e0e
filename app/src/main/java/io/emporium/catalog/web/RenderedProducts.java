package io.emporium.catalog.web;

import java.util.Map;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.emporium.catalog.internal.Product;
import io.emporium.catalog.internal.Products.ProductView;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;
import org.springframework.util.DigestUtils;

/**
 * Product responses rendered once per product state and availability: the JSON bytes and
 * their ETag. A product page is read far more often than it changes, so most reads skip
 * serializing and hashing. An entry is reused only while the cached product is the same
 * instance (the catalog's cache hands out a new one after every change) and availability
 * is unchanged.
 */
@Component
class RenderedProducts {

	private final Cache<String, Rendered> rendered = Caffeine.newBuilder().maximumSize(10_000).build();

	private final JsonMapper json;

	RenderedProducts(JsonMapper json) {
		this.json = json;
	}

	Rendered render(ProductView view) {
		Product product = view.product();
		Map<String, Integer> available = availableOf(view);
		Rendered cached = this.rendered.getIfPresent(product.slug());
		if (cached != null && cached.product() == product && cached.available().equals(available)) {
			return cached;
		}
		byte[] body = this.json.writeValueAsBytes(ProductJson.Detail.of(view));
		Rendered fresh = new Rendered(product, available, body, "\"0" + DigestUtils.md5DigestAsHex(body) + "\"");
		this.rendered.put(product.slug(), fresh);
		return fresh;
	}

	private static Map<String, Integer> availableOf(ProductView view) {
		return view.product().skus().stream().collect(Collectors.toUnmodifiableMap(sku -> sku, view::available));
	}

	record Rendered(Product product, Map<String, Integer> available, byte[] body, String etag) {
	}

}
