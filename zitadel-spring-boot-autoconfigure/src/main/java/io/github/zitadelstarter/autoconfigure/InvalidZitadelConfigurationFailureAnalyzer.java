package io.github.zitadelstarter.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a wrong {@code zitadel.*} property in Spring Boot's startup failure report.
 */
class InvalidZitadelConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidZitadelConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidZitadelConfigurationException cause) {
		String what = cause.getProperty().startsWith("zitadel.resource-server") ? "The ZITADEL resource server"
				: "The ZITADEL service user client";
		return new FailureAnalysis(what + " cannot start: " + cause.getDescription() + ".", cause.getAction(), cause);
	}

}
