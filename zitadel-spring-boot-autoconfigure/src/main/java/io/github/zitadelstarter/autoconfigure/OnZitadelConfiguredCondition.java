package io.github.zitadelstarter.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the application configured ZITADEL at all ({@code zitadel.issuer} or a service
 * user key) and did not switch it off with {@code zitadel.enabled=false}. A half-done
 * configuration matches too, so that it fails with a message instead of being ignored.
 */
class OnZitadelConfiguredCondition extends SpringBootCondition {

	private static final String[] TRIGGERS = { "zitadel.issuer", "zitadel.service-user.key-file",
			"zitadel.service-user.key-json" };

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment environment = context.getEnvironment();
		if (!environment.getProperty("zitadel.enabled", Boolean.class, true)) {
			return ConditionOutcome.noMatch("zitadel.enabled is false");
		}
		for (String trigger : TRIGGERS) {
			if (environment.containsProperty(trigger)) {
				return ConditionOutcome.match(trigger + " is set");
			}
		}
		return ConditionOutcome.noMatch("none of zitadel.issuer and zitadel.service-user.key-file/key-json is set");
	}

}
