package io.emporium.identity.internal;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start a real store (the demo off) while the first admin's password is the
 * published demo one: anyone could sign in as admin. Checked while the context starts,
 * before the server listens.
 */
@Component
class AdminPasswordGuard {

	/** Owned by the catalog's demo settings; read here by name, not through its types. */
	static final String DEMO_ENABLED = "emporium.demo.enabled";

	AdminPasswordGuard(AdminProperties admin, Environment environment) {
		boolean demo = environment.getProperty(DEMO_ENABLED, Boolean.class, true);
		if (!demo && admin.usesDemoPassword() && !admin.allowDefaultPassword()) {
			throw new DefaultAdminPasswordException();
		}
	}

}
