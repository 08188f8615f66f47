package io.github.zitadelstarter.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the service user's key is to be read: a key file or key JSON is set, or no
 * other credential is, so that a missing credential is reported rather than ignored.
 */
class OnJwtKeyCredentialCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment environment = context.getEnvironment();
		if (environment.containsProperty("zitadel.service-user.key-file")
				|| environment.containsProperty("zitadel.service-user.key-json")) {
			return ConditionOutcome.match("a service user key is set");
		}
		for (String other : new String[] { "zitadel.service-user.client-id", "zitadel.service-user.client-secret",
				"zitadel.service-user.personal-access-token" }) {
			if (environment.containsProperty(other)) {
				return ConditionOutcome.noMatch(other + " is set");
			}
		}
		return ConditionOutcome.match("no other service user credential is set");
	}

}
