package io.emporium.inventory;

import java.util.regex.Pattern;

/**
 * A place that holds stock. Reservations try warehouses by ascending priority, so the
 * lowest number ships first.
 */
public record Warehouse(String code, String name, int priority) {

	private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	/** The warehouse every store has. */
	public static final String MAIN = "main";

	public Warehouse {
		if (!CODE.matcher(code).matches()) {
			throw new IllegalArgumentException("warehouse code must be 1-40 lower-case letters, digits or dashes");
		}
		if (name.isBlank()) {
			throw new IllegalArgumentException("warehouse name is required");
		}
	}

}
