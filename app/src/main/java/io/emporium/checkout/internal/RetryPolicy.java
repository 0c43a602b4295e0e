package io.emporium.checkout.internal;

import java.util.Set;

import org.springframework.web.ErrorResponseException;

/**
 * Which failed checkouts are decided, stored under their key and replayed, and which
 * leave the key free for a retry. Every decided failure happens before any money is
 * authorized; anything after an authorization (or unexpected) is retryable, never stored.
 */
final class RetryPolicy {

	private static final Set<String> DECIDED = Set.of("sold-out", "payment-declined", "cart-closed", "cart-empty",
			"unknown-sku");

	private RetryPolicy() {
	}

	static boolean decided(ErrorResponseException failure) {
		return DECIDED.contains(problemName(failure));
	}

	static String problemName(ErrorResponseException failure) {
		return String.valueOf(failure.getBody().getType()).replaceAll(".*/", "");
	}

}
