package io.emporium.identity.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.emporium.identity.Customer;
import io.emporium.identity.CustomerRegistered;
import io.emporium.identity.Customers;
import io.emporium.identity.internal.CustomerRepository.Credentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Sign-up, sign-in and token refresh. Every success ends in a fresh access token and a
 * single-use refresh token; failures say as little as possible about which accounts
 * exist. Sign-ups and password sign-ins are rate-limited. BCrypt runs outside any
 * transaction, so slow hashing never holds a database connection.
 */
@Service
public class Accounts implements Customers {

	private static final Logger log = LoggerFactory.getLogger(Accounts.class);

	private final CustomerRepository customers;

	private final Passwords passwords;

	private final TokenIssuer tokens;

	private final ApplicationEventPublisher events;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final AuthRateLimits limits;

	Accounts(CustomerRepository customers, Passwords passwords, TokenIssuer tokens, ApplicationEventPublisher events,
			TransactionOperations transactions, Clock clock, AuthRateLimits limits) {
		this.customers = customers;
		this.passwords = passwords;
		this.tokens = tokens;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
		this.limits = limits;
	}

	/**
	 * Creates a customer account and signs it in. The account, its first refresh token
	 * and {@link CustomerRegistered} are committed together.
	 * @param clientAddress where the request came from, for the rate limit
	 * @throws EmailTakenException when the e-mail already has an account
	 * @throws io.emporium.platform.TooManyRequestsException when the address registered
	 * too often
	 */
	public IssuedTokens register(String email, String password, String clientAddress) {
		this.limits.registration(clientAddress);
		EmailAddress address = new EmailAddress(email);
		String hash = this.passwords.hash(password);
		UUID id = UUID.randomUUID();
		IssuedTokens issued = this.transactions.execute(status -> {
			try {
				this.customers.insert(id, address, hash, false, this.clock.instant());
			}
			catch (DuplicateKeyException ex) {
				throw new EmailTakenException();
			}
			this.events.publishEvent(new CustomerRegistered(id, this.clock.instant()));
			return this.tokens.signIn(id, false);
		});
		log.atInfo().setMessage("customer registered").addKeyValue("customerId", id).log();
		return issued;
	}

	/**
	 * @param clientAddress where the request came from, for the rate limit
	 * @throws InvalidCredentialsException for an unknown e-mail or a wrong password alike
	 * @throws io.emporium.platform.TooManyRequestsException when the e-mail or the
	 * address tried too often
	 */
	public IssuedTokens login(String email, String password, String clientAddress) {
		this.limits.login(email, clientAddress);
		Optional<Credentials> credentials = this.customers.credentials(new EmailAddress(email));
		boolean matches = this.passwords.matches(password, credentials.map(Credentials::passwordHash).orElse(null));
		Credentials found = credentials.filter(any -> matches).orElseThrow(InvalidCredentialsException::new);
		return this.tokens.signIn(found.id(), found.admin());
	}

	/**
	 * Trades a refresh token for a new pair; the presented one is used up.
	 * @throws InvalidRefreshTokenException when the token is unknown, expired or used
	 */
	public IssuedTokens refresh(String refreshToken) {
		return this.tokens.refresh(refreshToken);
	}

	@Override
	public Optional<Customer> find(UUID id) {
		return this.customers.find(id);
	}

}
