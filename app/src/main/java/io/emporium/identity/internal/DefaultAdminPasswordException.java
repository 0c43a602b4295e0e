package io.emporium.identity.internal;

/** The store is not the demo, yet its first admin would get the demo password. */
class DefaultAdminPasswordException extends IllegalStateException {

	static final String DESCRIPTION = "emporium.admin.password is the published demo password while the demo store "
			+ "is off (" + AdminPasswordGuard.DEMO_ENABLED + "=false), so anyone could sign in as admin.";

	static final String ACTION = "Set emporium.admin.password (at least " + Passwords.MIN_LENGTH
			+ " characters) to a secret of your own, for example through the EMPORIUM_ADMIN_PASSWORD "
			+ "environment variable.";

	DefaultAdminPasswordException() {
		super(DESCRIPTION + " " + ACTION);
	}

}
