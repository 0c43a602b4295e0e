package io.emporium.payments;

import java.time.Instant;
import java.util.UUID;

import io.emporium.platform.Money;

/** The held money was taken for the order. */
public record PaymentCaptured(UUID paymentId, UUID orderId, Money amount, Instant at) {
}
