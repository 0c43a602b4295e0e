package io.emporium.payments;

import java.time.Instant;
import java.util.UUID;

import io.emporium.platform.Money;

public record PaymentAuthorized(UUID paymentId, String gateway, Money amount, Instant at) {
}
