package io.emporium.checkout.internal;

import io.emporium.orders.ShippingAddress;

/** A shopper's request to buy what is in a cart. */
public record CheckoutCommand(String cartId, String email, ShippingAddress shippingAddress, String paymentToken) {
}
