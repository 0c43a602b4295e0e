package io.emporium.catalog.internal;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import io.emporium.platform.Money;

/**
 * A product as stored: texts, attributes, media, the categories it is filed under, and
 * its variants in display order. Its list price is its cheapest variant.
 */
public record Product(UUID id, String slug, String title, String description, Map<String, String> attributes,
		List<String> media, List<String> categories, List<Variant> variants) {

	public Product {
		attributes = sorted(attributes);
		media = List.copyOf(media);
		categories = List.copyOf(categories);
		variants = List.copyOf(variants);
	}

	public Money price() {
		return this.variants.stream()
			.map(Variant::price)
			.min(Comparator.comparingLong(Money::amount))
			.orElseThrow(() -> new IllegalStateException("product " + this.slug + " has no variants"));
	}

	public List<String> skus() {
		return this.variants.stream().map(Variant::sku).toList();
	}

	/**
	 * Attributes in name order: every node writes a product's JSON alike, so its ETag is
	 * the same whichever node answers.
	 */
	static Map<String, String> sorted(Map<String, String> attributes) {
		attributes.forEach((name, value) -> Objects.requireNonNull(value, name));
		return Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
	}

	public record Variant(String sku, String title, Money price) {
	}

}
