package io.emporium.payments.internal;

import java.time.Instant;
import java.util.UUID;

import io.emporium.platform.Money;

/**
 * Money accepted for giving back, once per {@code (paymentId, key)}; {@code pending}
 * until the gateway confirms it.
 */
record Refund(UUID id, UUID paymentId, String key, Money amount, String reason, boolean pending, Instant createdAt) {
}
