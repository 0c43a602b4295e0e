package io.emporium.platform;

/**
 * A setting a node cannot start without is missing or wrong: {@code description} names
 * the variable or the service in one line, {@code action} says what to set. The node's
 * start-up report shows both, without a stack trace.
 */
public class BadConfigurationException extends IllegalStateException {

	private final String description;

	private final String action;

	public BadConfigurationException(String description, String action) {
		super(description + " " + action);
		this.description = description;
		this.action = action;
	}

	public String description() {
		return this.description;
	}

	public String action() {
		return this.action;
	}

}
