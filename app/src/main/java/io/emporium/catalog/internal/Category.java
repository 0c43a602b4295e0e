package io.emporium.catalog.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A node of the category tree; {@code parent} is null for a top-level category. */
public record Category(String slug, String name, @Nullable String parent, int position) {

	/** A category with its sub-categories, as the storefront shows the tree. */
	public record Node(String slug, String name, List<Node> children) {
	}

}
