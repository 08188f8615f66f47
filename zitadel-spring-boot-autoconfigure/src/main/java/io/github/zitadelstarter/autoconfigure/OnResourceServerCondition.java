package io.github.zitadelstarter.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the application's own API is to be protected by ZITADEL: a
 * {@code zitadel.resource-server.*} property that says so is set (even half-done, so that
 * it fails with a message instead of being ignored), and {@code zitadel.enabled} is not
 * {@code false}.
 */
class OnResourceServerCondition extends SpringBootCondition {

	static final String[] TRIGGERS = { "zitadel.resource-server.audience",
			"zitadel.resource-server.introspection.key-file", "zitadel.resource-server.introspection.key-json",
			"zitadel.resource-server.introspection.client-id",
			"zitadel.resource-server.introspection.client-secret" };

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Environment environment = context.getEnvironment();
		if (!environment.getProperty("zitadel.enabled", Boolean.class, true)) {
			return ConditionOutcome.noMatch("zitadel.enabled is false");
		}
		String trigger = trigger(environment);
		return (trigger != null) ? ConditionOutcome.match(trigger + " is set")
				: ConditionOutcome.noMatch("no zitadel.resource-server.* property is set");
	}

	static @Nullable String trigger(Environment environment) {
		for (String trigger : TRIGGERS) {
			if (environment.containsProperty(trigger)) {
				return trigger;
			}
		}
		return null;
	}

	/** Matches when users' tokens are introspected: an introspection credential is set. */
	static class Introspection extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			for (int i = 1; i < TRIGGERS.length; i++) {
				if (context.getEnvironment().containsProperty(TRIGGERS[i])) {
					return ConditionOutcome.match(TRIGGERS[i] + " is set");
				}
			}
			return ConditionOutcome.noMatch("no zitadel.resource-server.introspection credential is set");
		}

	}

	/** Matches when users' tokens are JWTs, checked locally: no introspection credential is set. */
	static class Jwt extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			ConditionOutcome introspection = new Introspection().getMatchOutcome(context, metadata);
			return introspection.isMatch() ? ConditionOutcome.noMatch("users' tokens are introspected")
					: ConditionOutcome.match("no zitadel.resource-server.introspection credential is set");
		}

	}

}
