package io.emporium.orders;

import java.time.Instant;
import java.util.UUID;

import io.emporium.platform.Money;

public record OrderPaid(UUID orderId, String paymentReference, Money total, Instant at) {
}
