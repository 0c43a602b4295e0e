package io.emporium.cart.web;

import java.net.URI;
import java.util.UUID;

import io.emporium.cart.internal.CartService;
import io.emporium.cart.internal.PricedCart;
import io.emporium.platform.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shopper carts: guests address theirs by its unguessable id, customers also through
 * /me/cart.
 */
@RestController
@RequestMapping("/api/v1")
class CartController {

	private final CartService carts;

	CartController(CartService carts) {
		this.carts = carts;
	}

	@PostMapping("/carts")
	ResponseEntity<PricedCart> create(Caller caller) {
		PricedCart cart = this.carts.create(caller);
		return ResponseEntity.created(URI.create("/api/v1/carts/" + cart.id())).body(cart);
	}

	@GetMapping("/carts/{id}")
	PricedCart get(@PathVariable String id, Caller caller) {
		return this.carts.get(id, caller);
	}

	@PostMapping("/carts/{id}/items")
	PricedCart add(@PathVariable String id, @Valid @RequestBody AddItem item, Caller caller) {
		return this.carts.add(id, caller, item.sku(), item.quantity());
	}

	@PatchMapping("/carts/{id}/items/{itemId}")
	PricedCart update(@PathVariable String id, @PathVariable UUID itemId, @Valid @RequestBody ChangeQuantity change,
			Caller caller) {
		return this.carts.update(id, caller, itemId, change.quantity());
	}

	@DeleteMapping("/carts/{id}/items/{itemId}")
	PricedCart remove(@PathVariable String id, @PathVariable UUID itemId, Caller caller) {
		return this.carts.remove(id, caller, itemId);
	}

	@PostMapping("/carts/{id}/claim")
	PricedCart claim(@PathVariable String id, Caller caller) {
		return this.carts.claim(id, caller);
	}

	@GetMapping("/me/cart")
	PricedCart mine(Caller caller) {
		return this.carts.mine(caller);
	}

	record AddItem(@NotBlank @Size(max = 64) String sku, @NotNull @Min(1) @Max(999) Integer quantity) {
	}

	record ChangeQuantity(@NotNull @Min(1) @Max(999) Integer quantity) {
	}

}
