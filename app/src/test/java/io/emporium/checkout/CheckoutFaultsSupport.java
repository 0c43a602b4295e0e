package io.emporium.checkout;

import io.emporium.HttpTestSupport;
import io.emporium.cart.Carts;
import io.emporium.inventory.Inventory;
import io.emporium.orders.Orders;
import io.emporium.payments.Payments;

import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * A running store whose collaborators of checkout can be made to fail at one step, the
 * way a database, a gateway or a concurrent request would. The real beans answer unless a
 * test says otherwise; every test class extending this shares one application context.
 */
public abstract class CheckoutFaultsSupport extends HttpTestSupport {

	@MockitoSpyBean
	protected Orders orders;

	@MockitoSpyBean
	protected Inventory inventory;

	@MockitoSpyBean
	protected Carts carts;

	@MockitoSpyBean
	protected Payments payments;

}
