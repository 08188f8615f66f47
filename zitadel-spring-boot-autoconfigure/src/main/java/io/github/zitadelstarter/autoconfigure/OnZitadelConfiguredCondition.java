package io.github.zitadelstarter.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the application configured ZITADEL at all ({@code zitadel.issuer} or a service
 * user credential) and did not switch it off with {@code zitadel.enabled=false}. A half-done
 * configuration matches too, so that it fails with a message instead of being ignored.
 */
class OnZitadelConfiguredCondition extends SpringBootCondition {

	private static final String[] TRIGGERS = { "zitadel.issuer", "zitadel.service-user.key-file",
			"zitadel.service-user.key-json", "zitadel.service-user.client-id", "zitadel.service-user.client-secret",
			"zitadel.service-user.personal-access-token" };

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String whyOff = whyOff(context.getEnvironment());
		return (whyOff != null) ? ConditionOutcome.noMatch(whyOff)
				: ConditionOutcome.match("zitadel.issuer or a service user credential is set");
	}

	/**
	 * Why the starter is switched off in this environment.
	 * @param environment the application's environment
	 * @return the reason, or {@code null} when it is on
	 */
	static @Nullable String whyOff(Environment environment) {
		if (!environment.getProperty("zitadel.enabled", Boolean.class, true)) {
			return "zitadel.enabled is false";
		}
		for (String trigger : TRIGGERS) {
			if (environment.containsProperty(trigger)) {
				return null;
			}
		}
		return "neither zitadel.issuer nor a service user credential (zitadel.service-user.*) is set";
	}

	/** Matches where {@link OnZitadelConfiguredCondition} does not. */
	static class Not extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String whyOff = whyOff(context.getEnvironment());
			return (whyOff != null) ? ConditionOutcome.match(whyOff)
					: ConditionOutcome.noMatch("zitadel.issuer or a service user credential is set");
		}

	}

}
