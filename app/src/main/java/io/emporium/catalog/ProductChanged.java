package io.emporium.catalog;

import java.util.UUID;

/**
 * A product was created or changed (title, texts, attributes, categories or variants).
 */
public record ProductChanged(UUID productId, String slug) {
}
