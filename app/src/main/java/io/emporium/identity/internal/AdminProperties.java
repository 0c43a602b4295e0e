package io.emporium.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first admin, created at start-up when no admin exists. The defaults are demo
 * credentials: outside the demo the default password is refused at start-up unless
 * {@code allowDefaultPassword} says otherwise (tests only).
 */
@ConfigurationProperties("emporium.admin")
record AdminProperties(@DefaultValue(DEMO_EMAIL) String email, @DefaultValue(DEMO_PASSWORD) String password,
		@DefaultValue("false") boolean allowDefaultPassword) {

	static final String DEMO_EMAIL = "admin@emporium.local";

	static final String DEMO_PASSWORD = "emporium-admin";

	boolean usesDemoPassword() {
		return DEMO_PASSWORD.equals(this.password);
	}

	@Override
	public String toString() {
		return "AdminProperties[email=<hidden>, password=<hidden>]";
	}

}
