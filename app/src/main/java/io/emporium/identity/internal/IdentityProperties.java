package io.emporium.identity.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token settings. Signing keys live in the database; {@code keyFile} (default
 * {@code <emporium.data-dir>/keys/jwt-signing.json}) is where an earlier store kept its
 * key, imported once into an empty key store. Every node re-reads the keys after
 * {@code keyRefresh}. {@code audience} is the {@code aud} every access token carries and
 * every bearer token must carry. {@code keySecret} ({@code EMPORIUM_KEY_SECRET}), when
 * set, seals the private keys at rest.
 */
@ConfigurationProperties("emporium.identity")
record IdentityProperties(@Nullable Path keyFile, @DefaultValue("15m") Duration accessTokenTtl,
		@DefaultValue("30d") Duration refreshTokenTtl, @DefaultValue(DEFAULT_AUDIENCE) String audience,
		@DefaultValue RateLimits rateLimit, @DefaultValue("5s") Duration keyRefresh, @Nullable String keySecret) {

	static final String DEFAULT_AUDIENCE = "emporium-api";

	/**
	 * Password sign-ins and registrations allowed per {@code period}: per e-mail and per
	 * client address for sign-ins, per client address for registrations.
	 */
	record RateLimits(@DefaultValue("10") int loginPerEmail, @DefaultValue("30") int loginPerAddress,
			@DefaultValue("5") int registrationPerAddress, @DefaultValue("1m") Duration period) {
	}

	/**
	 * How long a retired key still verifies: the longest access token it may have signed,
	 * plus the time a node may keep signing with it before it re-reads the keys, plus a
	 * minute for clocks that differ.
	 */
	Duration retiredKeysVerifyFor() {
		return this.accessTokenTtl.plus(this.keyRefresh).plusMinutes(1);
	}

	Path signingKeyFile(Path dataDir) {
		return (this.keyFile != null) ? this.keyFile : dataDir.resolve("keys").resolve("jwt-signing.json");
	}

}
