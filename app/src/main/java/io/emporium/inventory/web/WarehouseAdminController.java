package io.emporium.inventory.web;

import java.util.List;

import io.emporium.inventory.Warehouse;
import io.emporium.inventory.internal.InventoryService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Admin list and creation of warehouses. */
@RestController
@RequestMapping("/api/v1/admin/warehouses")
class WarehouseAdminController {

	private final InventoryService inventory;

	WarehouseAdminController(InventoryService inventory) {
		this.inventory = inventory;
	}

	@GetMapping
	Warehouses list() {
		return new Warehouses(this.inventory.warehouses());
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Warehouse create(@Valid @RequestBody NewWarehouse warehouse) {
		return this.inventory.createWarehouse(new Warehouse(warehouse.code(), warehouse.name(), warehouse.priority()));
	}

	record Warehouses(List<Warehouse> items) {
	}

	record NewWarehouse(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}") String code,
			@NotBlank @Size(max = 200) String name, @NotNull Integer priority) {
	}

}
