package io.emporium.inventory;

import java.time.Instant;
import java.util.List;

import org.springframework.modulith.events.Externalized;

/** Physical counts were set (by an admin, an import or the demo store). */
@Externalized
public record StockCounted(List<StockCount> counts, Instant at) {

	public StockCounted {
		counts = List.copyOf(counts);
	}

}
