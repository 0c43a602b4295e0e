package io.emporium.catalog.web;

import java.util.List;
import java.util.Map;

import io.emporium.catalog.internal.Product;
import io.emporium.catalog.internal.ProductAdmin;
import io.emporium.catalog.internal.ProductDraft;
import io.emporium.platform.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins create and change products. */
@RestController
class ProductAdminController {

	private final ProductAdmin admin;

	ProductAdminController(ProductAdmin admin) {
		this.admin = admin;
	}

	@PostMapping("/api/v1/admin/products")
	@ResponseStatus(HttpStatus.CREATED)
	ProductJson.Detail create(@Valid @RequestBody ProductInput input) {
		return ProductJson.Detail.of(this.admin.create(input.toDraft()));
	}

	@PutMapping("/api/v1/admin/products/{slug}")
	ProductJson.Detail update(@PathVariable String slug, @Valid @RequestBody ProductInput input) {
		return ProductJson.Detail.of(this.admin.update(slug, input.toDraft()));
	}

	record ProductInput(@NotBlank @Size(max = 300) String title,
			@Nullable @Size(max = 200) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String slug,
			@Nullable @Size(max = 10000) String description,
			@Nullable List<@NotBlank @Size(max = 100) String> categories,
			@Nullable @Size(
					max = 50) Map<@NotBlank @Size(max = 100) String, @NotNull @Size(max = 1000) String> attributes,
			@Nullable @Size(max = 20) List<@NotBlank @Size(max = 1000) String> media,
			@NotEmpty @Size(max = 50) List<@NotNull @Valid VariantInput> variants) {

		ProductDraft toDraft() {
			return new ProductDraft(this.title.strip(), this.slug, (this.description != null) ? this.description : "",
					(this.categories != null) ? this.categories : List.of(),
					(this.attributes != null) ? this.attributes : Map.of(),
					(this.media != null) ? this.media : List.of(),
					this.variants.stream().map(VariantInput::toVariant).toList());
		}

	}

	record VariantInput(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*") String sku,
			@NotBlank @Size(max = 100) String title, @NotNull @Valid PriceInput price) {

		Product.Variant toVariant() {
			return new Product.Variant(this.sku, this.title, this.price.toMoney());
		}

	}

	record PriceInput(@NotNull @PositiveOrZero Long amount, @NotBlank @Pattern(regexp = "[A-Z]{3}") String currency) {

		Money toMoney() {
			return Money.of(this.amount, this.currency);
		}

	}

}
