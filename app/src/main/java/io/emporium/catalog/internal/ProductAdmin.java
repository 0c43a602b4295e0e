package io.emporium.catalog.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.emporium.catalog.PriceChanged;
import io.emporium.catalog.ProductChanged;
import io.emporium.platform.ConflictException;
import io.emporium.platform.InvalidRequestException;
import io.emporium.platform.NotFoundException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and changes products for admins. The checks before writing give clear answers;
 * the unique constraints behind them still decide when two admins race.
 */
@Service
public class ProductAdmin {

	private final ProductStore store;

	private final CategoryTree categories;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ProductAdmin(ProductStore store, CategoryTree categories, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.categories = categories;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public Product create(ProductDraft draft) {
		String slug = draft.effectiveSlug();
		checkCategories(draft);
		if (this.store.idOf(slug).isPresent()) {
			throw new ConflictException("duplicate-slug", "A product with slug " + slug + " already exists.");
		}
		UUID id = UUID.randomUUID();
		checkSkusFree(draft, id);
		try {
			this.store.insert(id, slug, draft, this.clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("duplicate-product", "Slug or SKU is already taken.");
		}
		this.events.publishEvent(new ProductChanged(id, slug));
		return this.store.byIds(List.of(id)).get(0);
	}

	@Transactional
	public Product update(String slug, ProductDraft draft) {
		UUID id = this.store.idOf(slug).orElseThrow(() -> new NotFoundException("Product " + slug));
		if (draft.slug() != null && !draft.slug().equals(slug)) {
			throw new InvalidRequestException("slug-change", "The slug of a product does not change.");
		}
		checkCategories(draft);
		checkSkusFree(draft, id);
		Map<String, Product.Variant> before;
		try {
			before = this.store.update(id, draft, this.clock.instant());
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("duplicate-sku", "A SKU is already taken by another product.");
		}
		for (Product.Variant variant : draft.variants()) {
			Product.Variant old = before.get(variant.sku());
			if (old != null && !old.price().equals(variant.price())) {
				this.events.publishEvent(new PriceChanged(variant.sku(), slug, old.price(), variant.price()));
			}
		}
		this.events.publishEvent(new ProductChanged(id, slug));
		return this.store.byIds(List.of(id)).get(0);
	}

	private void checkCategories(ProductDraft draft) {
		List<String> unknown = this.categories.unknown(draft.categories());
		if (!unknown.isEmpty()) {
			throw new InvalidRequestException("unknown-category", "Unknown categories: " + String.join(", ", unknown));
		}
	}

	private void checkSkusFree(ProductDraft draft, UUID owner) {
		List<String> taken = this.store.skusOwnedByOthers(draft.variants().stream().map(Product.Variant::sku).toList(),
				owner);
		if (!taken.isEmpty()) {
			throw new ConflictException("duplicate-sku", "SKUs already taken: " + String.join(", ", taken));
		}
	}

}
