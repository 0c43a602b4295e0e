package io.emporium.identity.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns the refusal into Spring Boot's short start-up failure report, without a stack
 * trace.
 */
class DefaultAdminPasswordFailureAnalyzer extends AbstractFailureAnalyzer<DefaultAdminPasswordException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DefaultAdminPasswordException cause) {
		return new FailureAnalysis(DefaultAdminPasswordException.DESCRIPTION, DefaultAdminPasswordException.ACTION,
				cause);
	}

}
