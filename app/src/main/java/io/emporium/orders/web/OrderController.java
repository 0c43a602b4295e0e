package io.emporium.orders.web;

import java.util.UUID;

import io.emporium.orders.internal.OrderService;
import io.emporium.platform.Caller;
import io.emporium.platform.Paging;
import io.emporium.platform.UnauthorizedException;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Shoppers read one order (as owner or with its token) and list their own. */
@RestController
class OrderController {

	private final OrderService orders;

	OrderController(OrderService orders) {
		this.orders = orders;
	}

	@GetMapping("/api/v1/orders/{id}")
	OrderResponse order(@PathVariable UUID id, Caller caller,
			@RequestHeader(name = "X-Order-Token", required = false) @Nullable String token) {
		return OrderResponse.of(this.orders.read(id, caller, token), caller.admin());
	}

	@GetMapping("/api/v1/me/orders")
	PageResponse myOrders(Caller caller, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		UUID customerId = caller.customer().orElseThrow(() -> new UnauthorizedException("Sign in to see your orders."));
		Paging paging = new Paging(page, size);
		return PageResponse.of(this.orders.ofCustomer(customerId, paging.page(), paging.size()));
	}

}
