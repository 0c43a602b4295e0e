package io.emporium.catalog.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.emporium.catalog.CategoryAdded;
import io.emporium.platform.ConflictException;
import io.emporium.platform.InvalidRequestException;
import io.emporium.platform.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The category tree: how it looks, what lies under a category, and adding to it. */
@Service
public class CategoryTree {

	private final CategoryStore store;

	private final ApplicationEventPublisher events;

	CategoryTree(CategoryStore store, ApplicationEventPublisher events) {
		this.store = store;
		this.events = events;
	}

	public List<Category.Node> roots() {
		Map<@Nullable String, List<Category>> byParent = byParent();
		return nodes(byParent, null);
	}

	/** The category and every category below it. */
	public Set<String> withDescendants(String slug) {
		Map<@Nullable String, List<Category>> byParent = byParent();
		if (this.store.all().stream().noneMatch(category -> category.slug().equals(slug))) {
			throw new NotFoundException("Category " + slug);
		}
		Set<String> found = new LinkedHashSet<>();
		Deque<String> todo = new ArrayDeque<>(List.of(slug));
		while (!todo.isEmpty()) {
			String next = todo.pop();
			if (found.add(next)) {
				byParent.getOrDefault(next, List.of()).forEach(child -> todo.push(child.slug()));
			}
		}
		return found;
	}

	public List<String> unknown(Collection<String> slugs) {
		Set<String> known = new LinkedHashSet<>(this.store.all().stream().map(Category::slug).toList());
		return slugs.stream().filter(slug -> !known.contains(slug)).distinct().toList();
	}

	@Transactional
	public Category create(String slug, String name, @Nullable String parent) {
		if (parent != null && !unknown(List.of(parent)).isEmpty()) {
			throw new InvalidRequestException("unknown-category", "Parent category " + parent + " does not exist.");
		}
		int position = (int) this.store.all().stream().filter(category -> sameParent(category, parent)).count();
		try {
			this.store.insert(slug, name, parent, position);
		}
		catch (DuplicateKeyException ex) {
			throw new ConflictException("duplicate-category", "Category " + slug + " already exists.");
		}
		this.events.publishEvent(new CategoryAdded(slug));
		return new Category(slug, name, parent, position);
	}

	private static boolean sameParent(Category category, @Nullable String parent) {
		return (parent == null) ? category.parent() == null : parent.equals(category.parent());
	}

	private Map<@Nullable String, List<Category>> byParent() {
		Map<@Nullable String, List<Category>> byParent = new HashMap<>();
		this.store.all()
			.forEach(category -> byParent.computeIfAbsent(category.parent(), p -> new ArrayList<>()).add(category));
		return byParent;
	}

	private static List<Category.Node> nodes(Map<@Nullable String, List<Category>> byParent, @Nullable String parent) {
		return byParent.getOrDefault(parent, List.of())
			.stream()
			.map(category -> new Category.Node(category.slug(), category.name(), nodes(byParent, category.slug())))
			.toList();
	}

}
