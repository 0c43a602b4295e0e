package io.emporium.checkout;

import java.time.Instant;

/**
 * A checkout ended without an order; the reason is a problem type name such as sold-out.
 */
public record CheckoutFailed(String cartId, String reason, Instant at) {
}
