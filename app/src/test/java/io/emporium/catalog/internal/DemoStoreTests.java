package io.emporium.catalog.internal;

import java.util.List;

import io.emporium.catalog.Catalog;
import io.emporium.catalog.internal.DemoBooks.DemoProduct;
import io.emporium.inventory.Inventory;
import io.emporium.inventory.StockLevels;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** Loads the demo store into the real database, twice, as two starting nodes would. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DemoStoreTests {

	@Autowired
	DemoStore demo;

	@Autowired
	Catalog catalog;

	@Autowired
	Inventory inventory;

	@Autowired
	CategoryTree categories;

	@Test
	void loadsTheBookStoreOnceWithStockInTwoWarehouses() {
		List<DemoProduct> books = DemoBooks.books();

		boolean first = this.demo.load(DemoBooks.categories(), books);
		boolean second = this.demo.load(DemoBooks.categories(), books);

		assertThat(first).isTrue();
		assertThat(second).isFalse();
		List<String> skus = books.stream()
			.flatMap(book -> book.draft().variants().stream())
			.map(Product.Variant::sku)
			.toList();
		assertThat(this.catalog.variants(skus)).hasSameSizeAs(skus);
		assertThat(this.categories.withDescendants("fiction")).contains("fantasy", "crime");
		StockLevels paperback = this.inventory.levels(books.get(0).draft().variants().get(0).sku());
		assertThat(paperback.levels()).extracting(StockLevels.Level::warehouse).containsExactly("main", "berlin");
	}

	@Test
	void loadsTenThousandSyntheticProductsInBatches() {
		List<DemoProduct> synthetic = DemoBooks.synthetic(10_000);

		long started = System.nanoTime();
		boolean loaded = this.demo.load(DemoBooks.categories(), synthetic);
		long millis = (System.nanoTime() - started) / 1_000_000;

		assertThat(loaded).isTrue();
		assertThat(this.catalog.variants(List.of("SYN-010000-PB", "SYN-000001-EB"))).hasSize(2);
		assertThat(this.inventory.available(List.of("SYN-000001-EB"))).containsEntry("SYN-000001-EB", 9999);
		assertThat(millis).as("load time in ms, measured for the log, not a budget").isPositive();
	}

}
