package io.emporium.catalog.web;

import java.util.List;

import io.emporium.catalog.internal.Category;
import io.emporium.catalog.internal.CategoryTree;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The category tree for navigation. */
@RestController
class CategoryController {

	private final CategoryTree categories;

	CategoryController(CategoryTree categories) {
		this.categories = categories;
	}

	@GetMapping("/api/v1/categories")
	ResponseEntity<Tree> tree() {
		return ResponseEntity.ok()
			.cacheControl(ProductController.CACHE_CONTROL)
			.body(new Tree(this.categories.roots()));
	}

	record Tree(List<Category.Node> items) {
	}

}
