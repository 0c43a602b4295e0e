package io.emporium.identity.web;

import java.util.List;
import java.util.UUID;

import io.emporium.identity.Customer;
import io.emporium.identity.Customers;
import io.emporium.platform.Caller;
import io.emporium.platform.NotFoundException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in caller's own account; security lets only callers with a token in. */
@RestController
class MeController {

	private final Customers customers;

	MeController(Customers customers) {
		this.customers = customers;
	}

	@GetMapping("/api/v1/me")
	Me me(Caller caller) {
		Customer customer = caller.customer()
			.flatMap(this.customers::find)
			.orElseThrow(() -> new NotFoundException("The account"));
		return new Me(customer.id(), customer.email(), customer.roles());
	}

	record Me(UUID id, String email, List<String> roles) {
	}

}
