package io.emporium.payments.internal;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.emporium.platform.Money;

import org.springframework.stereotype.Component;

/**
 * The built-in test gateway: {@code tok_visa} and {@code tok_mastercard} approve,
 * {@code tok_decline} (and any unknown token) declines, {@code tok_error} fails like an
 * outage. The same idempotency key always yields the same gateway reference, as real
 * gateways do.
 */
@Component
class SandboxGateway implements PaymentGateway {

	@Override
	public String name() {
		return "sandbox";
	}

	@Override
	public GatewayOutcome charge(String idempotencyKey, String token, Money amount, String reference) {
		String gatewayReference = "sbx_"
				+ UUID.nameUUIDFromBytes(idempotencyKey.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
		return switch (token) {
			case "tok_visa" -> GatewayOutcome.approved(gatewayReference, "visa", "4242");
			case "tok_mastercard" -> GatewayOutcome.approved(gatewayReference, "mastercard", "4444");
			case "tok_error" -> throw new GatewayException("sandbox gateway outage");
			case "tok_decline" -> GatewayOutcome.declined("card declined");
			default -> GatewayOutcome.declined("unknown payment token");
		};
	}

}
