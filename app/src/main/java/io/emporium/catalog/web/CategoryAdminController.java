package io.emporium.catalog.web;

import io.emporium.catalog.internal.Category;
import io.emporium.catalog.internal.CategoryTree;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admins add categories to the tree. */
@RestController
class CategoryAdminController {

	private final CategoryTree categories;

	CategoryAdminController(CategoryTree categories) {
		this.categories = categories;
	}

	@PostMapping("/api/v1/admin/categories")
	@ResponseStatus(HttpStatus.CREATED)
	Category create(@Valid @RequestBody CategoryInput input) {
		return this.categories.create(input.slug(), input.name().strip(), input.parent());
	}

	record CategoryInput(@NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String slug,
			@NotBlank @Size(max = 200) String name, @Nullable String parent) {
	}

}
