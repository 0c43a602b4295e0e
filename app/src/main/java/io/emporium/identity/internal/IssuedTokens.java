package io.emporium.identity.internal;

import java.time.Duration;
import java.util.UUID;

/** What a successful sign-up, sign-in or refresh hands to the client. */
public record IssuedTokens(String accessToken, String refreshToken, Duration expiresIn, UUID customerId) {

	@Override
	public String toString() {
		return "IssuedTokens[customerId=" + this.customerId + "]";
	}

}
