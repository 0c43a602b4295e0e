package io.emporium.catalog.internal;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.emporium.platform.InvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * What an admin submits to create or change a product. Keeps the rules a product must
 * satisfy before it reaches the database: a usable slug, at least one variant, no SKU
 * twice, and one currency for all variants (so the list price is comparable).
 */
public record ProductDraft(String title, @Nullable String slug, String description, List<String> categories,
		Map<String, String> attributes, List<String> media, List<Product.Variant> variants) {

	static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern NOT_SLUG = Pattern.compile("[^a-z0-9]+");

	public ProductDraft {
		categories = List.copyOf(categories);
		attributes = Product.sorted(attributes);
		media = List.copyOf(media);
		variants = List.copyOf(variants);
		if (variants.isEmpty()) {
			throw new InvalidRequestException("no-variants", "A product needs at least one variant.");
		}
		Set<String> skus = new HashSet<>();
		for (Product.Variant variant : variants) {
			if (!skus.add(variant.sku())) {
				throw new InvalidRequestException("duplicate-sku-in-request",
						"SKU " + variant.sku() + " appears twice in the product.");
			}
		}
		if (variants.stream().map(variant -> variant.price().currency()).distinct().count() > 1) {
			throw new InvalidRequestException("mixed-currencies", "All variants of a product share one currency.");
		}
		if (slug != null && !SLUG.matcher(slug).matches()) {
			throw new InvalidRequestException("invalid-slug",
					"A slug is lower-case letters and digits joined by dashes.");
		}
	}

	/** The given slug, or one made from the title ("Émile & Me" becomes "emile-me"). */
	public String effectiveSlug() {
		if (this.slug != null) {
			return this.slug;
		}
		String slug = slugOf(this.title);
		if (slug.isEmpty()) {
			throw new InvalidRequestException("invalid-slug", "No slug can be made from this title; give one.");
		}
		return slug;
	}

	static String slugOf(String text) {
		String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		String slug = NOT_SLUG.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-").replaceAll("^-+|-+$", "");
		return (slug.length() > 200) ? slug.substring(0, 200).replaceAll("-+$", "") : slug;
	}

}
