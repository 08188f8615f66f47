package io.github.zitadelstarter.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the application calls ZITADEL as a service user: ZITADEL is configured
 * ({@link OnZitadelConfiguredCondition}), and a service user credential is set or the
 * application does not only protect its own API ({@code zitadel.resource-server.*}). An API
 * that only checks its users' tokens needs no service user; any other configuration without
 * a credential still fails, saying so.
 */
class OnServiceUserCondition extends SpringBootCondition {

	private static final String[] CREDENTIALS = { "zitadel.service-user.key-file", "zitadel.service-user.key-json",
			"zitadel.service-user.client-id", "zitadel.service-user.client-secret",
			"zitadel.service-user.personal-access-token" };

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		String whyNot = whyNoServiceUser(context.getEnvironment());
		return (whyNot != null) ? ConditionOutcome.noMatch(whyNot)
				: ConditionOutcome.match("zitadel.issuer or a service user credential is set");
	}

	/**
	 * Why the application does not call ZITADEL as a service user in this environment.
	 * @param environment the application's environment
	 * @return the reason, or {@code null} when it does
	 */
	static @Nullable String whyNoServiceUser(Environment environment) {
		String whyOff = OnZitadelConfiguredCondition.whyOff(environment);
		if (whyOff != null) {
			return whyOff;
		}
		for (String credential : CREDENTIALS) {
			if (environment.containsProperty(credential)) {
				return null;
			}
		}
		String resourceServer = OnResourceServerCondition.trigger(environment);
		return (resourceServer != null) ? "only the resource server is configured (" + resourceServer
				+ "), without a service user credential (zitadel.service-user.*)" : null;
	}

	/** Matches where {@link OnServiceUserCondition} does not. */
	static class Not extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String whyNot = whyNoServiceUser(context.getEnvironment());
			return (whyNot != null) ? ConditionOutcome.match(whyNot)
					: ConditionOutcome.noMatch("zitadel.issuer or a service user credential is set");
		}

	}

}
