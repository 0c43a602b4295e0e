package io.emporium.orders;

import java.util.UUID;

import io.emporium.platform.Money;

/** The answer to placing an order; the token lets a guest read the order later. */
public record PlacedOrder(UUID orderId, String orderToken, OrderStatus status, Money total) {
}
