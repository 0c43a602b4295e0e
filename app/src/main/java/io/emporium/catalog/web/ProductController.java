package io.emporium.catalog.web;

import java.time.Duration;

import io.emporium.catalog.internal.Products;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * The storefront's product reads. Responses may be kept a few seconds by browsers and
 * CDNs; after that they revalidate with the ETag added by
 * {@link HttpCachingConfiguration}.
 */
@RestController
class ProductController {

	static final CacheControl CACHE_CONTROL = CacheControl.maxAge(Duration.ofSeconds(5)).cachePublic();

	private final Products products;

	private final RenderedProducts rendered;

	ProductController(Products products, RenderedProducts rendered) {
		this.products = products;
		this.rendered = rendered;
	}

	@GetMapping("/api/v1/products")
	ResponseEntity<ProductJson.Page> list(@RequestParam(required = false) @Nullable String category,
			@RequestParam(defaultValue = "0") @Min(0) int page, @RequestParam(defaultValue = "20") @Min(1) int size) {
		Products.ProductPage result = this.products.page(category, page, size);
		return ResponseEntity.ok()
			.cacheControl(CACHE_CONTROL)
			.body(new ProductJson.Page(result.items().stream().map(ProductJson.Summary::of).toList(), result.total(),
					result.page(), result.size()));
	}

	@GetMapping("/api/v1/products/{slug}")
	ResponseEntity<byte[]> product(@PathVariable String slug, WebRequest request) {
		RenderedProducts.Rendered page = this.rendered.render(this.products.bySlug(slug));
		if (request.checkNotModified(page.etag())) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).cacheControl(CACHE_CONTROL).eTag(page.etag()).build();
		}
		return ResponseEntity.ok()
			.cacheControl(CACHE_CONTROL)
			.eTag(page.etag())
			.contentType(MediaType.APPLICATION_JSON)
			.body(page.body());
	}

}
