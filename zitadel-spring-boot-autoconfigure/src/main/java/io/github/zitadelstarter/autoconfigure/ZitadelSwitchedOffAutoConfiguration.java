package io.github.zitadelstarter.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer;

/**
 * While the starter is switched off, or only checks users' tokens without a service user, an
 * application that imports the {@value ZitadelHttpServiceGroups#NAME} HTTP service group fails
 * to start with the reason, instead of sending its calls unauthenticated to a default host.
 */
@AutoConfiguration
@Conditional(OnServiceUserCondition.Not.class)
public final class ZitadelSwitchedOffAutoConfiguration {

	private static final String GROUP = "the HTTP service group '" + ZitadelHttpServiceGroups.NAME + "'";

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClient.class)
	static class RestClientGroupConfiguration {

		@Bean
		RestClientHttpServiceGroupConfigurer zitadelSwitchedOffRestClientHttpServiceGroupConfigurer(
				Environment environment) {
			return (groups) -> groups.filterByName(ZitadelHttpServiceGroups.NAME)
				.forEachClient((group, builder) -> refuse(environment));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebClient.class)
	static class WebClientGroupConfiguration {

		@Bean
		WebClientHttpServiceGroupConfigurer zitadelSwitchedOffWebClientHttpServiceGroupConfigurer(
				Environment environment) {
			return (groups) -> groups.filterByName(ZitadelHttpServiceGroups.NAME)
				.forEachClient((group, builder) -> refuse(environment));
		}

	}

	private static void refuse(Environment environment) {
		String reason = OnServiceUserCondition.whyNoServiceUser(environment);
		throw new ZitadelNotConfiguredException(GROUP, (reason != null) ? reason : "it is not configured");
	}

}
