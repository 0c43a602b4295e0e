package io.emporium.platform.startup;

import io.emporium.platform.BadConfigurationException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a bad setting in Spring Boot's short start-up failure report, without a trace.
 */
class BadConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<BadConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BadConfigurationException cause) {
		return new FailureAnalysis(cause.description(), cause.action(), cause);
	}

}
