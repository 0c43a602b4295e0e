package io.emporium.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import io.emporium.platform.RateLimit;
import io.emporium.platform.RateLimiter;
import io.emporium.platform.TooManyRequestsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Makes guessing passwords and mass registration slow: password sign-ins count per e-mail
 * and per client address, registrations per client address. Checked before any password
 * is hashed, so a flood costs no BCrypt work. Every attempt counts, successful or not.
 */
@Component
class AuthRateLimits {

	private static final Logger log = LoggerFactory.getLogger(AuthRateLimits.class);

	private final RateLimiter limiter;

	private final RateLimit loginPerEmail;

	private final RateLimit loginPerAddress;

	private final RateLimit registrationPerAddress;

	AuthRateLimits(RateLimiter limiter, IdentityProperties properties) {
		IdentityProperties.RateLimits limits = properties.rateLimit();
		this.limiter = limiter;
		this.loginPerEmail = new RateLimit(limits.loginPerEmail(), limits.period());
		this.loginPerAddress = new RateLimit(limits.loginPerAddress(), limits.period());
		this.registrationPerAddress = new RateLimit(limits.registrationPerAddress(), limits.period());
	}

	/**
	 * @throws TooManyRequestsException when this e-mail or this address has used up its
	 * sign-ins
	 */
	void login(String email, String clientAddress) {
		acquire("login-address", clientAddress, this.loginPerAddress);
		acquire("login-email", digest(email.trim().toLowerCase(Locale.ROOT)), this.loginPerEmail);
	}

	/**
	 * @throws TooManyRequestsException when this address has used up its registrations
	 */
	void registration(String clientAddress) {
		acquire("registration-address", clientAddress, this.registrationPerAddress);
	}

	private void acquire(String limit, String subject, RateLimit rate) {
		this.limiter.tryAcquire("identity:" + limit + ":" + subject, rate).ifPresent((wait) -> {
			log.atDebug().setMessage("rate limit reached").addKeyValue("limit", limit).log();
			throw new TooManyRequestsException(wait);
		});
	}

	/**
	 * Bucket keys never hold an e-mail in clear: a shared limiter store is not ours
	 * alone.
	 */
	private static String digest(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

}
