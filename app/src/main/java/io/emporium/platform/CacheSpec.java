package io.emporium.platform;

import java.util.List;

import org.springframework.core.ResolvableType;

/**
 * A cache a module declares as a bean: its name and the type of value it holds, which the
 * shared tier (Redis) writes as JSON and reads back as that type only. Every tier keeps
 * entries for the times set under {@code emporium.cache}.
 */
public record CacheSpec(String name, ResolvableType type) {

	public CacheSpec {
		if (name.isBlank()) {
			throw new IllegalArgumentException("blank cache name");
		}
	}

	public static CacheSpec of(String name, Class<?> type) {
		return new CacheSpec(name, ResolvableType.forClass(type));
	}

	public static CacheSpec listOf(String name, Class<?> element) {
		return new CacheSpec(name, ResolvableType.forClassWithGenerics(List.class, element));
	}

}
