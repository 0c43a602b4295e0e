package io.emporium.payments;

import java.time.Instant;
import java.util.UUID;

import io.emporium.platform.Money;

import org.springframework.modulith.events.Externalized;

@Externalized
public record PaymentFailed(UUID paymentId, String gateway, Money amount, String reason, Instant at) {
}
