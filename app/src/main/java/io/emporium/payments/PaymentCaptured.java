package io.emporium.payments;

import java.time.Instant;
import java.util.UUID;

import io.emporium.platform.Money;

import org.springframework.modulith.events.Externalized;

/** The held money was taken for the order. */
@Externalized
public record PaymentCaptured(UUID paymentId, UUID orderId, Money amount, Instant at) {
}
