package io.emporium.inventory.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a reservation holds stock before the expiry job gives it back, the
 * availability at or below which a SKU counts as low, and how long a node may show
 * availability it has read.
 */
@ConfigurationProperties("emporium.inventory")
record InventoryProperties(@DefaultValue("15m") Duration hold, @DefaultValue("5") int lowStockAt,
		@DefaultValue("1s") Duration availabilityTtl) {
}
