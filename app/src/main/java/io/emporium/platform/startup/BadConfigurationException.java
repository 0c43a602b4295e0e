package io.emporium.platform.startup;

/**
 * A setting a node cannot start without is missing or wrong: {@code description} names
 * the variable or the service in one line, {@code action} says what to set.
 */
class BadConfigurationException extends IllegalStateException {

	private final String description;

	private final String action;

	BadConfigurationException(String description, String action) {
		super(description + " " + action);
		this.description = description;
		this.action = action;
	}

	String description() {
		return this.description;
	}

	String action() {
		return this.action;
	}

}
