package io.emporium.platform.observability;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Tag;

import org.springframework.boot.cache.metrics.CacheMetricsRegistrar;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Meters for caches made on first use. Spring Boot binds the caches a manager knows at
 * start, but Caffeine caches named only in {@code @Cacheable} appear later; this binds
 * every cache named on an Emporium bean once the node is ready (hit, miss, size and
 * eviction meters with the cache's name).
 */
@Component
class CacheMetrics {

	private final ApplicationContext context;

	private final CacheMetricsRegistrar registrar;

	CacheMetrics(ApplicationContext context, CacheMetricsRegistrar registrar) {
		this.context = context;
		this.registrar = registrar;
	}

	@EventListener(ApplicationReadyEvent.class)
	void bind() {
		Set<String> names = new LinkedHashSet<>();
		for (String bean : this.context.getBeanDefinitionNames()) {
			Class<?> type = this.context.getType(bean, false);
			if (type == null || !type.getName().startsWith("io.emporium.")) {
				continue;
			}
			ReflectionUtils.doWithMethods(ClassUtils.getUserClass(type), method -> {
				Cacheable cacheable = AnnotatedElementUtils.findMergedAnnotation(method, Cacheable.class);
				if (cacheable != null) {
					names.addAll(Set.of(cacheable.cacheNames()));
				}
			});
		}
		for (Map.Entry<String, CacheManager> manager : this.context.getBeansOfType(CacheManager.class).entrySet()) {
			Set<String> all = new LinkedHashSet<>(names);
			all.addAll(manager.getValue().getCacheNames());
			for (String name : all) {
				Cache cache = manager.getValue().getCache(name);
				if (cache != null) {
					this.registrar.bindCacheToRegistry(cache, Tag.of("cache.manager", managerName(manager.getKey())));
				}
			}
		}
	}

	/**
	 * The tag Spring Boot gives the caches it binds itself, so that both carry the same
	 * keys.
	 */
	private static String managerName(String beanName) {
		String suffix = "cachemanager";
		if (beanName.length() > suffix.length() && beanName.toLowerCase().endsWith(suffix)) {
			return beanName.substring(0, beanName.length() - suffix.length());
		}
		return beanName;
	}

}
