package io.emporium.catalog;

import org.springframework.modulith.events.Externalized;

/** A category was added to the tree. */
@Externalized
public record CategoryAdded(String slug) {
}
