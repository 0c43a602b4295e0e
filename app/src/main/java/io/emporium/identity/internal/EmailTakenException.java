package io.emporium.identity.internal;

import io.emporium.platform.ConflictException;

/** Registration with an e-mail that already has an account (compared ignoring case). */
class EmailTakenException extends ConflictException {

	EmailTakenException() {
		super("email-taken", "An account with this e-mail already exists.");
	}

}
