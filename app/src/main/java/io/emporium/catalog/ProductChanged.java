package io.emporium.catalog;

import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * A product was created or changed (title, texts, attributes, categories or variants).
 */
@Externalized
public record ProductChanged(UUID productId, String slug) {
}
