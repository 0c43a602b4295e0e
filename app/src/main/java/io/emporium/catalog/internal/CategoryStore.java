package io.emporium.catalog.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The category table; the whole (small) tree is read at once and cached. */
@Component
class CategoryStore {

	static final String CACHE = "catalog.categories";

	private final JdbcClient jdbc;

	CategoryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Cacheable(cacheNames = CACHE, key = "'all'")
	public List<Category> all() {
		return this.jdbc.sql("select slug, name, parent, position from catalog_category order by position, name, slug")
			.query((rs, n) -> new Category(rs.getString("slug"), rs.getString("name"), rs.getString("parent"),
					rs.getInt("position")))
			.list();
	}

	@CacheEvict(cacheNames = CACHE, allEntries = true)
	public void insert(String slug, String name, @Nullable String parent, int position) {
		this.jdbc.sql(
				"insert into catalog_category (slug, name, parent, position) values (:slug, :name, :parent, :position)")
			.param("slug", slug)
			.param("name", name)
			.param("parent", parent)
			.param("position", position)
			.update();
	}

}
