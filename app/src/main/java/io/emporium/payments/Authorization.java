package io.emporium.payments;

import java.util.UUID;

import io.emporium.platform.Money;

/** An approved charge. Only the brand and last four digits of the card are known here. */
public record Authorization(UUID paymentId, String gateway, String gatewayReference, Money amount, String brand,
		String last4) {
}
