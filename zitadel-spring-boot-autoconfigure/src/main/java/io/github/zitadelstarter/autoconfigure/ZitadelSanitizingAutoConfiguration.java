package io.github.zitadelstarter.autoconfigure;

import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * Keeps the service user's secrets out of {@code /actuator/env} and {@code /actuator/configprops},
 * even with {@code show-values=always}: the {@code key-json}, {@code client-secret},
 * {@code personal-access-token} and the actions' {@code signing-key} properties under any of their names (such as
 * {@code ZITADEL_SERVICE_USER_KEY_JSON}), any value that holds a private key, and any value
 * that contains a configured secret, such as {@code sun.java.command} or
 * {@code SPRING_APPLICATION_JSON} (see {@link ConfiguredSecrets}). Applies whether or not the
 * starter itself is enabled, since the property may be set either way.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class ZitadelSanitizingAutoConfiguration {

	@Bean
	SanitizingFunction zitadelServiceUserSecretsSanitizingFunction(Environment environment,
			ResourceLoader resourceLoader) {
		ConfiguredSecrets secrets = new ConfiguredSecrets(environment, resourceLoader);
		return SanitizingFunction.sanitizeValue()
			.ifKeyMatches(ZitadelSanitizingAutoConfiguration::isSecret)
			.ifValueStringMatches((value) -> value.contains("PRIVATE KEY") || secrets.appearIn(value));
	}

	private static boolean isSecret(String key) {
		String normalized = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
		return normalized.endsWith("keyjson") || normalized.endsWith("clientsecret")
				|| normalized.endsWith("personalaccesstoken") || normalized.endsWith("signingkey");
	}

}
