package io.emporium.orders;

import java.util.List;
import java.util.UUID;

import io.emporium.platform.Money;
import org.jspecify.annotations.Nullable;

/** Commands for orders as checkout would send them; each gets its own e-mail address. */
final class TestOrders {

	private TestOrders() {
	}

	static PlaceOrder forCustomer(@Nullable UUID customerId) {
		return forCustomer(customerId, UUID.randomUUID() + "@example.com");
	}

	static PlaceOrder forCustomer(@Nullable UUID customerId, String email) {
		return new PlaceOrder(customerId, email,
				new ShippingAddress("Ada Lovelace", "1 Analytical Way", null, "London", "N1 7AA", "GB"),
				List.of(new OrderLine("BOOK-1", "The Little Prince", 2, Money.of(1299, "EUR")),
						new OrderLine("BOOK-2", "Momo", 1, Money.of(999, "EUR"))),
				Money.of(3597, "EUR"), UUID.randomUUID());
	}

}
