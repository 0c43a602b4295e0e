package io.emporium.cart.internal;

import java.util.UUID;

/**
 * The order of a cart in Redis committed under this claim, so the cart is to be closed.
 * Published in the order's transaction: the event publication registry keeps it until the
 * close succeeded. Public only for the registry's JSON mapping.
 */
public record CartCloseDue(String cartId, String key, long fence, UUID orderId) {
}
