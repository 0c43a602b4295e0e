package io.emporium.payments.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.emporium.payments.internal.Payment.Operation;
import io.emporium.platform.Money;

import org.springframework.stereotype.Component;

/**
 * The built-in test gateway: {@code tok_visa} and {@code tok_mastercard} approve,
 * {@code tok_decline} (and any unknown token) declines, {@code tok_error} fails like an
 * outage. {@code tok_capture_fails}, {@code tok_void_fails} and {@code tok_refund_fails}
 * approve, but the first capture, void or refund of that authorization fails like an
 * outage (on each node); {@link #failNext} breaks any authorization's next calls. The
 * same key always yields the same reference, as real gateways do.
 */
@Component
class SandboxGateway implements PaymentGateway {

	/** Failures still to come, by operation and authorization reference. */
	private final Map<String, Integer> failures = new ConcurrentHashMap<>();

	@Override
	public String name() {
		return "sandbox";
	}

	@Override
	public GatewayOutcome authorize(String idempotencyKey, String token, Money amount, String reference) {
		String authorization = reference("sbx_", idempotencyKey);
		return switch (token) {
			case "tok_visa" -> GatewayOutcome.approved(authorization, "visa", "4242");
			case "tok_mastercard" -> GatewayOutcome.approved(authorization, "mastercard", "4444");
			case "tok_capture_fails" -> failingOnce(Operation.CAPTURE, authorization);
			case "tok_void_fails" -> failingOnce(Operation.VOID, authorization);
			case "tok_refund_fails" -> failingOnce(Operation.REFUND, authorization);
			case "tok_error" -> throw new GatewayException("sandbox gateway outage");
			case "tok_decline" -> GatewayOutcome.declined("card declined");
			default -> GatewayOutcome.declined("unknown payment token");
		};
	}

	@Override
	public String capture(String authorization, Money amount) {
		failIfBroken(Operation.CAPTURE, authorization);
		return reference("sbx_cap_", authorization);
	}

	@Override
	public String voidAuthorization(String authorization) {
		failIfBroken(Operation.VOID, authorization);
		return reference("sbx_void_", authorization);
	}

	@Override
	public String refund(String authorization, String refundKey, Money amount) {
		failIfBroken(Operation.REFUND, authorization);
		return reference("sbx_ref_", authorization + "/" + refundKey);
	}

	/**
	 * Makes the next {@code times} calls of {@code operation} on this authorization fail
	 * like an outage; zero heals it.
	 */
	void failNext(Operation operation, String authorization, int times) {
		if (times <= 0) {
			this.failures.remove(key(operation, authorization));
		}
		else {
			this.failures.put(key(operation, authorization), times);
		}
	}

	private GatewayOutcome failingOnce(Operation operation, String authorization) {
		this.failures.putIfAbsent(key(operation, authorization), 1);
		return GatewayOutcome.approved(authorization, "visa", "4242");
	}

	private void failIfBroken(Operation operation, String authorization) {
		boolean[] broken = { false };
		this.failures.computeIfPresent(key(operation, authorization), (key, left) -> {
			broken[0] = true;
			return (left == Integer.MAX_VALUE) ? left : (left > 1) ? left - 1 : null;
		});
		if (broken[0]) {
			throw new GatewayException("sandbox " + operation.name().toLowerCase(Locale.ROOT) + " outage");
		}
	}

	private static String key(Operation operation, String authorization) {
		return operation + ":" + authorization;
	}

	private static String reference(String prefix, String seed) {
		return prefix + UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
	}

}
