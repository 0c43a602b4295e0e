package io.emporium.orders.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret that lets a guest read an order. Only its SHA-256 is stored, and a presented
 * token is compared in constant time so timing reveals nothing about the stored hash.
 */
record OrderToken(String value) {

	private static final SecureRandom RANDOM = new SecureRandom();

	static OrderToken random() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return new OrderToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	String hash() {
		return HexFormat.of().formatHex(digest(this.value));
	}

	boolean matches(String storedHash) {
		byte[] stored;
		try {
			stored = HexFormat.of().parseHex(storedHash);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(digest(this.value), stored);
	}

	private static byte[] digest(String value) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

}
