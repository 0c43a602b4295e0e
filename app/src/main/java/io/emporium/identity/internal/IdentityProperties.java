package io.emporium.identity.internal;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Token settings. {@code keyFile} is the JWK file holding the RS256 signing key pair;
 * without it the key lives in {@code <emporium.data-dir>/keys/jwt-signing.json}. Either
 * way it is created on first start when missing. {@code audience} is the {@code aud}
 * every access token carries and every bearer token must carry.
 */
@ConfigurationProperties("emporium.identity")
record IdentityProperties(@Nullable Path keyFile, @DefaultValue("15m") Duration accessTokenTtl,
		@DefaultValue("30d") Duration refreshTokenTtl, @DefaultValue(DEFAULT_AUDIENCE) String audience,
		@DefaultValue RateLimits rateLimit) {

	static final String DEFAULT_AUDIENCE = "emporium-api";

	/**
	 * Password sign-ins and registrations allowed per {@code period}: per e-mail and per
	 * client address for sign-ins, per client address for registrations.
	 */
	record RateLimits(@DefaultValue("10") int loginPerEmail, @DefaultValue("30") int loginPerAddress,
			@DefaultValue("5") int registrationPerAddress, @DefaultValue("1m") Duration period) {
	}

	Path signingKeyFile(Path dataDir) {
		return (this.keyFile != null) ? this.keyFile : dataDir.resolve("keys").resolve("jwt-signing.json");
	}

}
