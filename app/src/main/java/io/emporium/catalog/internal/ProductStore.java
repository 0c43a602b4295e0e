package io.emporium.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.emporium.catalog.VariantView;
import io.emporium.platform.Money;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Products in the relational store. Reads of whole products are batched (one query per
 * table, whatever the number of products) and single products are cached by slug until a
 * ProductChanged evicts them.
 */
@Component
class ProductStore {

	static final String CACHE = "catalog.products";

	private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {
	};

	private static final TypeReference<List<String>> MEDIA = new TypeReference<>() {
	};

	private static final int BATCH = 1000;

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	private final JsonMapper json;

	ProductStore(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.json = json;
	}

	@Cacheable(cacheNames = CACHE, key = "#slug", unless = "#result == null")
	public Optional<Product> bySlug(String slug) {
		return this.jdbc.sql("select id from catalog_product where slug = :slug")
			.param("slug", slug)
			.query(UUID.class)
			.optional()
			.map(id -> byIds(List.of(id)).get(0));
	}

	Optional<UUID> idOf(String slug) {
		return this.jdbc.sql("select id from catalog_product where slug = :slug")
			.param("slug", slug)
			.query(UUID.class)
			.optional();
	}

	/** Whole products in the order of the ids given. */
	List<Product> byIds(List<UUID> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<UUID, Row> rows = new HashMap<>();
		this.jdbc.sql("""
				select id, slug, title, description, attributes, media from catalog_product
				where id in (:ids)""").param("ids", ids).query((ResultSet rs) -> {
			Row row = row(rs);
			rows.put(row.id(), row);
		});
		Map<UUID, List<String>> categories = new HashMap<>();
		this.jdbc.sql("""
				select product_id, category from catalog_product_category
				where product_id in (:ids) order by category""").param("ids", ids).query((ResultSet rs) -> {
			categories.computeIfAbsent(rs.getObject("product_id", UUID.class), id -> new ArrayList<>())
				.add(rs.getString("category"));
		});
		Map<UUID, List<Product.Variant>> variants = variantsOf(ids);
		List<Product> products = new ArrayList<>(ids.size());
		for (UUID id : ids) {
			Row row = rows.get(id);
			if (row != null) {
				products.add(new Product(id, row.slug(), row.title(), row.description(), row.attributes(), row.media(),
						categories.getOrDefault(id, List.of()), variants.getOrDefault(id, List.of())));
			}
		}
		return products;
	}

	/**
	 * One page of product ids, optionally only those filed under any of the categories.
	 */
	List<UUID> page(Set<String> categories, boolean filtered, int page, int size) {
		return this.jdbc
			.sql("select p.id from catalog_product p " + categoryFilter(filtered)
					+ " order by p.title, p.id limit :size offset :offset")
			.param("categories", categories.isEmpty() ? List.of("") : List.copyOf(categories))
			.param("size", size)
			.param("offset", (long) page * size)
			.query(UUID.class)
			.list();
	}

	long count(Set<String> categories, boolean filtered) {
		return this.jdbc.sql("select count(*) from catalog_product p " + categoryFilter(filtered))
			.param("categories", categories.isEmpty() ? List.of("") : List.copyOf(categories))
			.query(Long.class)
			.single();
	}

	private static String categoryFilter(boolean filtered) {
		return filtered ? """
				where exists (select 1 from catalog_product_category pc
				where pc.product_id = p.id and pc.category in (:categories))""" : "";
	}

	long count() {
		return this.jdbc.sql("select count(*) from catalog_product").query(Long.class).single();
	}

	boolean skuExists(String sku) {
		return this.jdbc.sql("select count(*) from catalog_variant where sku = :sku")
			.param("sku", sku)
			.query(Long.class)
			.single() > 0;
	}

	/** SKUs among these that belong to some product other than {@code owner}. */
	List<String> skusOwnedByOthers(Collection<String> skus, UUID owner) {
		if (skus.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("select sku from catalog_variant where sku in (:skus) and product_id <> :owner")
			.param("skus", List.copyOf(skus))
			.param("owner", owner)
			.query(String.class)
			.list();
	}

	Map<String, VariantView> variantViews(Collection<String> skus) {
		Map<String, VariantView> views = new LinkedHashMap<>();
		if (skus.isEmpty()) {
			return views;
		}
		this.jdbc.sql("""
				select v.sku, v.title, v.price_amount, v.price_currency, p.slug, p.title as product_title
				from catalog_variant v join catalog_product p on p.id = v.product_id
				where v.sku in (:skus)""").param("skus", List.copyOf(skus)).query((ResultSet rs) -> {
			views.put(rs.getString("sku"),
					new VariantView(rs.getString("sku"), rs.getString("slug"), rs.getString("product_title"),
							rs.getString("title"),
							Money.of(rs.getLong("price_amount"), rs.getString("price_currency").trim())));
		});
		return views;
	}

	void insert(UUID id, String slug, ProductDraft draft, Instant now) {
		this.jdbc.sql("""
				insert into catalog_product (id, slug, title, description, attributes, media, created_at, updated_at)
				values (:id, :slug, :title, :description, :attributes, :media, :now, :now)""")
			.param("id", id)
			.param("slug", slug)
			.param("title", draft.title())
			.param("description", draft.description())
			.param("attributes", this.json.writeValueAsString(draft.attributes()))
			.param("media", this.json.writeValueAsString(draft.media()))
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
		fileUnder(id, draft.categories());
		for (int position = 0; position < draft.variants().size(); position++) {
			insertVariant(id, draft.variants().get(position), position);
		}
	}

	/**
	 * Replaces texts, categories and variants; returns the variants as they were before,
	 * so the caller can tell which prices changed.
	 */
	Map<String, Product.Variant> update(UUID id, ProductDraft draft, Instant now) {
		Map<String, Product.Variant> before = new LinkedHashMap<>();
		variantsOf(List.of(id)).getOrDefault(id, List.of()).forEach(variant -> before.put(variant.sku(), variant));
		this.jdbc.sql("""
				update catalog_product set title = :title, description = :description, attributes = :attributes,
				media = :media, updated_at = :now where id = :id""")
			.param("id", id)
			.param("title", draft.title())
			.param("description", draft.description())
			.param("attributes", this.json.writeValueAsString(draft.attributes()))
			.param("media", this.json.writeValueAsString(draft.media()))
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
		this.jdbc.sql("delete from catalog_product_category where product_id = :id").param("id", id).update();
		fileUnder(id, draft.categories());
		List<String> kept = draft.variants().stream().map(Product.Variant::sku).toList();
		before.keySet()
			.stream()
			.filter(sku -> !kept.contains(sku))
			.forEach(sku -> this.jdbc.sql("delete from catalog_variant where sku = :sku").param("sku", sku).update());
		for (int position = 0; position < draft.variants().size(); position++) {
			Product.Variant variant = draft.variants().get(position);
			if (before.containsKey(variant.sku())) {
				this.jdbc.sql("""
						update catalog_variant set title = :title, price_amount = :amount, price_currency = :currency,
						position = :position where sku = :sku and product_id = :id""")
					.param("title", variant.title())
					.param("amount", variant.price().amount())
					.param("currency", variant.price().currency().getCurrencyCode())
					.param("position", position)
					.param("sku", variant.sku())
					.param("id", id)
					.update();
			}
			else {
				insertVariant(id, variant, position);
			}
		}
		return before;
	}

	/**
	 * Inserts many products in JDBC batches (demo data, benchmarks): four statements per
	 * batch of rows rather than several per product.
	 */
	void insertBatch(List<DemoBooks.DemoProduct> products, Instant now) {
		Timestamp at = Timestamp.from(now);
		this.batch.batchUpdate("""
				insert into catalog_product (id, slug, title, description, attributes, media, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""", products, BATCH, (ps, product) -> {
			ps.setObject(1, product.id());
			ps.setString(2, product.slug());
			ps.setString(3, product.draft().title());
			ps.setString(4, product.draft().description());
			ps.setString(5, this.json.writeValueAsString(product.draft().attributes()));
			ps.setString(6, this.json.writeValueAsString(product.draft().media()));
			ps.setTimestamp(7, at);
			ps.setTimestamp(8, at);
		});
		List<Map.Entry<UUID, String>> filed = products.stream()
			.flatMap(
					product -> product.draft().categories().stream().map(category -> Map.entry(product.id(), category)))
			.toList();
		this.batch.batchUpdate("insert into catalog_product_category (product_id, category) values (?, ?)", filed,
				BATCH, (ps, entry) -> {
					ps.setObject(1, entry.getKey());
					ps.setString(2, entry.getValue());
				});
		List<Map.Entry<UUID, Product.Variant>> variants = new ArrayList<>();
		products.forEach(product -> product.draft()
			.variants()
			.forEach(variant -> variants.add(Map.entry(product.id(), variant))));
		Map<UUID, Integer> positions = new HashMap<>();
		this.batch.batchUpdate("""
				insert into catalog_variant (sku, product_id, title, price_amount, price_currency, position)
				values (?, ?, ?, ?, ?, ?)""", variants, BATCH, (ps, entry) -> {
			Product.Variant variant = entry.getValue();
			ps.setString(1, variant.sku());
			ps.setObject(2, entry.getKey());
			ps.setString(3, variant.title());
			ps.setLong(4, variant.price().amount());
			ps.setString(5, variant.price().currency().getCurrencyCode());
			ps.setInt(6, positions.merge(entry.getKey(), 1, Integer::sum) - 1);
		});
	}

	private void fileUnder(UUID id, List<String> categories) {
		categories.stream()
			.distinct()
			.forEach(category -> this.jdbc
				.sql("insert into catalog_product_category (product_id, category) values (:id, :category)")
				.param("id", id)
				.param("category", category)
				.update());
	}

	private void insertVariant(UUID id, Product.Variant variant, int position) {
		this.jdbc.sql("""
				insert into catalog_variant (sku, product_id, title, price_amount, price_currency, position)
				values (:sku, :id, :title, :amount, :currency, :position)""")
			.param("sku", variant.sku())
			.param("id", id)
			.param("title", variant.title())
			.param("amount", variant.price().amount())
			.param("currency", variant.price().currency().getCurrencyCode())
			.param("position", position)
			.update();
	}

	private Map<UUID, List<Product.Variant>> variantsOf(List<UUID> ids) {
		Map<UUID, List<Product.Variant>> variants = new HashMap<>();
		this.jdbc.sql("""
				select product_id, sku, title, price_amount, price_currency from catalog_variant
				where product_id in (:ids) order by product_id, position""").param("ids", ids).query((ResultSet rs) -> {
			variants.computeIfAbsent(rs.getObject("product_id", UUID.class), id -> new ArrayList<>())
				.add(new Product.Variant(rs.getString("sku"), rs.getString("title"),
						Money.of(rs.getLong("price_amount"), rs.getString("price_currency").trim())));
		});
		return variants;
	}

	private Row row(ResultSet rs) throws SQLException {
		return new Row(rs.getObject("id", UUID.class), rs.getString("slug"), rs.getString("title"),
				rs.getString("description"), this.json.readValue(rs.getString("attributes"), ATTRIBUTES),
				this.json.readValue(rs.getString("media"), MEDIA));
	}

	private record Row(UUID id, String slug, String title, String description, Map<String, String> attributes,
			List<String> media) {
	}

}
