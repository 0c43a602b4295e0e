package io.emporium.checkout;

import java.time.Instant;
import java.util.UUID;

import io.emporium.platform.Money;

public record CheckoutCompleted(String cartId, UUID orderId, Money total, Instant at) {
}
