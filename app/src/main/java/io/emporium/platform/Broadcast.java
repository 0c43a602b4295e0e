package io.emporium.platform;

import org.springframework.core.ResolvableType;
import org.springframework.core.ResolvableTypeProvider;

/**
 * An event that reached this node through the {@link FanOut}, as a local, unrecorded
 * application event: listen to it with {@code @EventListener void on(Broadcast<X> b)}. A
 * node hears its own broadcasts too, so reactions must be idempotent.
 */
public record Broadcast<T>(T event) implements ResolvableTypeProvider {

	@Override
	public ResolvableType getResolvableType() {
		return ResolvableType.forClassWithGenerics(Broadcast.class, ResolvableType.forInstance(this.event));
	}

}
