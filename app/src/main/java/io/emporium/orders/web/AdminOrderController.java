package io.emporium.orders.web;

import java.time.Instant;
import java.util.UUID;

import io.emporium.orders.OrderStatus;
import io.emporium.orders.internal.OrderSearch;
import io.emporium.orders.internal.OrderService;
import io.emporium.platform.Caller;
import io.emporium.platform.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Merchants find orders and move them along their life cycle. Role ADMIN is enforced for
 * {@code /api/v1/admin/**} by the platform's security configuration.
 */
@RestController
class AdminOrderController {

	private final OrderService orders;

	AdminOrderController(OrderService orders) {
		this.orders = orders;
	}

	@GetMapping("/api/v1/admin/orders")
	PageResponse search(@RequestParam(required = false) @Nullable OrderStatus status,
			@RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		Paging paging = new Paging(page, size);
		return PageResponse
			.of(this.orders.search(new OrderSearch(status, email, from, to), paging.page(), paging.size()));
	}

	@GetMapping("/api/v1/admin/orders/{id}")
	OrderResponse order(@PathVariable UUID id, Caller caller) {
		return OrderResponse.of(this.orders.read(id, caller, null), true);
	}

	@PostMapping("/api/v1/admin/orders/{id}/transitions")
	OrderResponse transition(@PathVariable UUID id, @Valid @RequestBody Transition transition, Caller caller) {
		String actor = caller.customer().map((admin) -> "admin:" + admin).orElse("admin");
		return OrderResponse.of(this.orders.transition(id, transition.to(), actor, transition.note()), true);
	}

	record Transition(@NotNull OrderStatus to, @Nullable @Size(max = 1000) String note) {
	}

}
