package io.emporium.orders.web;

import java.util.UUID;

import io.emporium.orders.internal.OrderService;
import io.emporium.platform.Caller;
import io.emporium.platform.ProblemTypes;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
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
		UUID customerId = caller.customer().orElseThrow(OrderController::unauthorized);
		Paging paging = new Paging(page, size);
		return PageResponse.of(this.orders.ofCustomer(customerId, paging.page(), paging.size()));
	}

	private static ErrorResponseException unauthorized() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				"Sign in to see your orders.");
		problem.setType(ProblemTypes.uri("unauthorized"));
		problem.setTitle("Unauthorized");
		ErrorResponseException exception = new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
		exception.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return exception;
	}

}
