package io.emporium.identity.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import io.emporium.identity.internal.CustomerRepository.Credentials;
import io.emporium.platform.StartupLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Makes sure a store can be administered: at start-up, when no admin exists, creates one
 * from {@code emporium.admin.*}. Nodes starting together check and create under the
 * start-up lock, one after another (the e-mail constraint would still let only one win).
 * Never promotes an existing customer who happens to have that e-mail, since anyone could
 * have registered it. Logs ids only.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final CustomerRepository customers;

	private final Passwords passwords;

	private final AdminProperties admin;

	private final Clock clock;

	private final StartupLock startupLock;

	AdminBootstrap(CustomerRepository customers, Passwords passwords, AdminProperties admin, Clock clock,
			StartupLock startupLock) {
		this.customers = customers;
		this.passwords = passwords;
		this.admin = admin;
		this.clock = clock;
		this.startupLock = startupLock;
	}

	@Override
	public void run(ApplicationArguments args) {
		this.startupLock.runLocked("identity-first-admin", this::createFirstAdmin);
	}

	private void createFirstAdmin() {
		if (this.customers.adminExists()) {
			return;
		}
		EmailAddress email = new EmailAddress(this.admin.email());
		Optional<Credentials> existing = this.customers.credentials(email);
		if (existing.isPresent()) {
			log.atWarn()
				.setMessage("no admin exists and emporium.admin.email belongs to a customer; not promoting it")
				.addKeyValue("customerId", existing.get().id())
				.log();
			return;
		}
		if (this.admin.password().length() < Passwords.MIN_LENGTH) {
			throw new IllegalStateException(
					"emporium.admin.password must have at least " + Passwords.MIN_LENGTH + " characters");
		}
		UUID id = UUID.randomUUID();
		try {
			this.customers.insert(id, email, this.passwords.hash(this.admin.password()), true, this.clock.instant());
		}
		catch (DuplicateKeyException ex) {
			// Another node created it at the same moment.
			return;
		}
		log.atInfo().setMessage("created the first admin").addKeyValue("customerId", id).log();
		if (this.admin.usesDemoPassword()) {
			log.atWarn()
				.setMessage("the first admin has the demo password; set emporium.admin.password for a real store")
				.addKeyValue("customerId", id)
				.log();
		}
	}

}
