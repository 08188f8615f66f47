package io.github.zitadelstarter.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a wrong {@code zitadel.*} property in Spring Boot's startup failure report.
 */
class InvalidZitadelConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidZitadelConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidZitadelConfigurationException cause) {
		return new FailureAnalysis("The ZITADEL service user client cannot start: " + cause.getDescription() + ".",
				cause.getAction(), cause);
	}

}
