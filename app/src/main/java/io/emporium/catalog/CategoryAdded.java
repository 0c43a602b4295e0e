package io.emporium.catalog;

/** A category was added to the tree. */
public record CategoryAdded(String slug) {
}
