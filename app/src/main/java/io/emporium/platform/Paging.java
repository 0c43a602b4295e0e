package io.emporium.platform;

/**
 * Page parameters as requested, with the size capped so one call cannot fetch everything.
 */
public record Paging(int page, int size) {

	public static final int MAX_SIZE = 100;

	public Paging {
		if (page < 0) {
			throw new IllegalArgumentException("page must not be negative");
		}
		if (size < 1) {
			throw new IllegalArgumentException("size must be at least 1");
		}
		size = Math.min(size, MAX_SIZE);
	}

}
