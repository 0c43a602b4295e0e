package io.emporium.catalog.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.emporium.platform.InvalidRequestException;
import io.emporium.platform.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProductDraftTests {

	private static final Product.Variant PAPERBACK = new Product.Variant("PB-1", "Paperback", Money.of(1299, "EUR"));

	private static final Product.Variant HARDCOVER = new Product.Variant("HC-1", "Hardcover", Money.of(2499, "EUR"));

	@Test
	void makesASlugFromTheTitleWhenNoneIsGiven() {
		ProductDraft draft = draft("  Émile & the Detectives: Vol. 2! ", null, List.of(PAPERBACK));

		assertThat(draft.effectiveSlug()).isEqualTo("emile-the-detectives-vol-2");
	}

	@Test
	void keepsAGivenSlug() {
		assertThat(draft("Title", "my-slug", List.of(PAPERBACK)).effectiveSlug()).isEqualTo("my-slug");
	}

	@Test
	void rejectsAProductWithoutVariants() {
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> draft("Title", null, List.of()));
	}

	@Test
	void rejectsTheSameSkuTwice() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> draft("Title", null, List.of(PAPERBACK, PAPERBACK)));
	}

	@Test
	void rejectsVariantsInDifferentCurrencies() {
		Product.Variant dollars = new Product.Variant("US-1", "Paperback", Money.of(999, "USD"));

		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> draft("Title", null, List.of(PAPERBACK, dollars)));
	}

	@Test
	void rejectsATitleThatYieldsNoSlug() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> draft("!!!", null, List.of(PAPERBACK)).effectiveSlug());
	}

	@Test
	void pricesAProductAtItsCheapestVariant() {
		Product product = new Product(UUID.randomUUID(), "s", "T", "", Map.of(), List.of(), List.of(),
				List.of(HARDCOVER, PAPERBACK));

		assertThat(product.price()).isEqualTo(Money.of(1299, "EUR"));
	}

	private static ProductDraft draft(String title, String slug, List<Product.Variant> variants) {
		return new ProductDraft(title, slug, "", List.of(), Map.of(), List.of(), variants);
	}

}
