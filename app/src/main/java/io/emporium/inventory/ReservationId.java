package io.emporium.inventory;

import java.util.UUID;

public record ReservationId(UUID value) {

	public static ReservationId random() {
		return new ReservationId(UUID.randomUUID());
	}

}
