package io.emporium.identity.internal;

import java.util.UUID;

import io.emporium.identity.Customer;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands out token pairs: on sign-in a new refresh-token family, on refresh the next one.
 */
@Component
class TokenIssuer {

	private final AccessTokens accessTokens;

	private final RefreshTokens refreshTokens;

	private final CustomerRepository customers;

	TokenIssuer(AccessTokens accessTokens, RefreshTokens refreshTokens, CustomerRepository customers) {
		this.accessTokens = accessTokens;
		this.refreshTokens = refreshTokens;
		this.customers = customers;
	}

	IssuedTokens signIn(UUID customerId, boolean admin) {
		return pair(customerId, admin, this.refreshTokens.issue(customerId));
	}

	/**
	 * Uses up the refresh token and issues the next pair, with roles as they are now. Not
	 * rolled back on failure, so that a reused token's family stays revoked.
	 * @throws InvalidRefreshTokenException when the token is unknown, expired or used
	 */
	@Transactional(noRollbackFor = InvalidRefreshTokenException.class)
	IssuedTokens refresh(String refreshToken) {
		RefreshTokens.Use use = this.refreshTokens.use(refreshToken).orElseThrow(InvalidRefreshTokenException::new);
		Customer customer = this.customers.find(use.customerId()).orElseThrow(InvalidRefreshTokenException::new);
		return pair(customer.id(), customer.admin(), this.refreshTokens.issue(customer.id(), use.familyId()));
	}

	private IssuedTokens pair(UUID customerId, boolean admin, String refreshToken) {
		String accessToken = this.accessTokens.issue(customerId, Customer.roles(admin));
		return new IssuedTokens(accessToken, refreshToken, this.accessTokens.ttl(), customerId);
	}

}
