package io.emporium.identity;

import java.time.Instant;
import java.util.UUID;

import org.springframework.modulith.events.Externalized;

/**
 * A shopper created an account. Carries the id only; listeners that need the e-mail ask
 * {@link Customers}.
 */
@Externalized
public record CustomerRegistered(UUID customerId, Instant at) {
}
