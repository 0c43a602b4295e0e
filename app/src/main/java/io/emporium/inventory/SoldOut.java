package io.emporium.inventory;

import org.springframework.modulith.events.Externalized;

/** The last available unit of a SKU was reserved. */
@Externalized
public record SoldOut(String sku) {
}
