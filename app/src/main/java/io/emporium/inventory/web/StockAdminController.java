package io.emporium.inventory.web;

import io.emporium.inventory.StockLevels;
import io.emporium.inventory.internal.InventoryService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admin view and counts of stock per SKU and warehouse. */
@RestController
@RequestMapping("/api/v1/admin/inventory")
class StockAdminController {

	private final InventoryService inventory;

	StockAdminController(InventoryService inventory) {
		this.inventory = inventory;
	}

	@GetMapping("/{sku}")
	StockLevels levels(@PathVariable String sku) {
		return this.inventory.levelsOfKnownSku(sku);
	}

	@PutMapping("/{sku}")
	StockLevels count(@PathVariable String sku, @Valid @RequestBody Count count) {
		return this.inventory.setStock(sku, count.warehouse(), count.onHand());
	}

	record Count(@NotBlank String warehouse, @NotNull @PositiveOrZero @Max(1_000_000_000) Integer onHand) {
	}

}
