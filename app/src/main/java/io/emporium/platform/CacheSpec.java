package io.emporium.platform;

import org.springframework.core.ResolvableType;

/**
 * A cache a module declares as a bean: its name, the type of value it holds, which the
 * shared tier (Redis) writes as JSON and reads back as that type only, and whether it has
 * a shared tier at all. Every tier keeps entries for the times set under
 * {@code emporium.cache}.
 */
public record CacheSpec(String name, ResolvableType type, boolean shared) {

	public CacheSpec {
		if (name.isBlank()) {
			throw new IllegalArgumentException("blank cache name");
		}
	}

	/** A cache in every tier this node has. */
	public static CacheSpec of(String name, Class<?> type) {
		return new CacheSpec(name, ResolvableType.forClass(type), true);
	}

	/** A cache on this node only, for small values that are cheap to load again. */
	public static CacheSpec local(String name) {
		return new CacheSpec(name, ResolvableType.forClass(Object.class), false);
	}

}
