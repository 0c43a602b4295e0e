package io.emporium.catalog.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.emporium.catalog.internal.DemoBooks.DemoProduct;
import io.emporium.inventory.StockCount;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoBooksTests {

	private final List<DemoProduct> books = DemoBooks.books();

	@Test
	void makesAtLeastTwoHundredDistinctBooks() {
		assertThat(this.books).hasSizeGreaterThanOrEqualTo(200);
		assertThat(this.books.stream().map(DemoProduct::slug).distinct()).hasSameSizeAs(this.books);
		assertThat(this.books.stream()
			.flatMap(book -> book.draft().variants().stream())
			.map(Product.Variant::sku)
			.distinct()).hasSameSizeAs(this.books.stream().flatMap(book -> book.draft().variants().stream()).toList());
		assertThat(this.books)
			.allSatisfy(book -> assertThat(book.draft().attributes()).containsKeys("author", "pages"));
	}

	@Test
	void filesEveryBookUnderALeafOfAThreeRootTree() {
		List<Category> categories = DemoBooks.categories();
		Set<String> leaves = categories.stream()
			.filter(category -> category.parent() != null)
			.map(Category::slug)
			.collect(Collectors.toSet());

		assertThat(categories.stream().filter(category -> category.parent() == null).map(Category::slug))
			.containsExactly("fiction", "children", "non-fiction");
		assertThat(leaves).contains("fantasy", "crime", "personalized", "history", "cooking");
		assertThat(this.books).allSatisfy(book -> assertThat(leaves).containsAll(book.draft().categories()));
	}

	@Test
	void stocksBooksInTwoWarehousesWithFormatsAtDifferentPrices() {
		Set<String> warehouses = this.books.stream()
			.flatMap(book -> book.stock().stream())
			.map(StockCount::warehouse)
			.collect(Collectors.toSet());
		DemoProduct novel = this.books.get(0);

		assertThat(warehouses).containsExactlyInAnyOrder("main", "berlin");
		assertThat(novel.draft().variants()).extracting(Product.Variant::title)
			.containsExactly("Paperback", "Hardcover", "Ebook");
		assertThat(novel.draft().variants().get(1).price().amount())
			.isGreaterThan(novel.draft().variants().get(0).price().amount());
	}

	@Test
	void makesTheSameStoreEveryTime() {
		assertThat(DemoBooks.books()).isEqualTo(this.books);
	}

}
