package io.github.zitadelstarter.autoconfigure;

import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Keeps the service user's key out of {@code /actuator/env} and {@code /actuator/configprops},
 * even with {@code show-values=always}: the {@code key-json} property under any of its names
 * (such as {@code ZITADEL_SERVICE_USER_KEY_JSON}), and any value that holds a private key.
 * Applies whether or not the starter itself is enabled, since the property may be set either
 * way.
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class ZitadelSanitizingAutoConfiguration {

	@Bean
	SanitizingFunction zitadelServiceUserKeySanitizingFunction() {
		return SanitizingFunction.sanitizeValue()
			.ifKeyMatches(ZitadelSanitizingAutoConfiguration::isKeyJson)
			.ifValueStringMatches((value) -> value.contains("PRIVATE KEY"));
	}

	private static boolean isKeyJson(String key) {
		String normalized = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
		return normalized.endsWith("keyjson");
	}

}
