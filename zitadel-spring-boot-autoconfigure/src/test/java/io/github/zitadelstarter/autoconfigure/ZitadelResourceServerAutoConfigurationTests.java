package io.github.zitadelstarter.autoconfigure;

import java.nio.file.Path;

import io.github.zitadelstarter.resourceserver.ZitadelOpaqueTokenIntrospector;
import io.github.zitadelstarter.resourceserver.ZitadelReactiveOpaqueTokenIntrospector;
import io.github.zitadelstarter.resourceserver.ZitadelRoleChecks;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.token.ZitadelTokenSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the resource server auto-configuration contributes, when, and what it says when its
 * properties cannot work.
 */
class ZitadelResourceServerAutoConfigurationTests {

	private static final LocalZitadel zitadel = LocalZitadel.start();

	private static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations.of(ZitadelAutoConfiguration.class,
			ZitadelResourceServerAutoConfiguration.class);

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(AUTO_CONFIGURATIONS)
		.withPropertyValues("zitadel.issuer=" + zitadel.issuer());

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AUTO_CONFIGURATIONS)
		.withPropertyValues("zitadel.issuer=" + zitadel.issuer());

	@AfterAll
	static void stop() {
		zitadel.close();
	}

	@Test
	void nothingChangesWithoutResourceServerProperties() {
		this.servlet.withPropertyValues("zitadel.service-user.key-json=" + zitadel.keyJson()).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(ZitadelTokenSource.class)
				.doesNotHaveBean(JwtDecoder.class)
				.doesNotHaveBean(OpaqueTokenIntrospector.class)
				.doesNotHaveBean(JwtAuthenticationConverter.class)
				.doesNotHaveBean(ZitadelRoleChecks.class);
		});
	}

	@Test
	void jwtsByDefaultWithoutAServiceUser() {
		this.servlet.withPropertyValues("zitadel.resource-server.audience=" + zitadel.apiProjectId())
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(JwtDecoder.class)
					.hasSingleBean(JwtAuthenticationConverter.class)
					.hasBean("zitadelRoles")
					.doesNotHaveBean(OpaqueTokenIntrospector.class)
					.doesNotHaveBean(ZitadelTokenSource.class);
			});
	}

	@Test
	void withoutAServiceUserTheZitadelHttpServiceGroupIsRefusedSayingWhy() {
		this.servlet.withConfiguration(AutoConfigurations.of(ZitadelSwitchedOffAutoConfiguration.class))
			.withPropertyValues("zitadel.resource-server.audience=x")
			.run((context) -> assertThat(OnServiceUserCondition.whyNoServiceUser(context.getEnvironment()))
				.isEqualTo("only the resource server is configured (zitadel.resource-server.audience), without a "
						+ "service user credential (zitadel.service-user.*)"));
	}

	@Test
	void introspectionWithTheApplicationKey() {
		this.servlet
			.withPropertyValues("zitadel.resource-server.audience=" + zitadel.apiProjectId(),
					"zitadel.resource-server.introspection.key-json=" + zitadel.applicationKeyJson())
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(OpaqueTokenAuthenticationConverter.class)
				.doesNotHaveBean(JwtDecoder.class)
				.getBean(OpaqueTokenIntrospector.class)
				.isInstanceOf(ZitadelOpaqueTokenIntrospector.class));
	}

	@Test
	void reactiveApplicationsGetTheReactiveCounterparts() {
		this.reactive.withPropertyValues("zitadel.resource-server.audience=" + zitadel.apiProjectId())
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ReactiveJwtDecoder.class)
				.hasSingleBean(ReactiveJwtAuthenticationConverter.class)
				.doesNotHaveBean(JwtDecoder.class));
		this.reactive
			.withPropertyValues("zitadel.resource-server.audience=" + zitadel.apiProjectId(),
					"zitadel.resource-server.introspection.client-id=" + zitadel.apiClientId(),
					"zitadel.resource-server.introspection.client-secret=" + zitadel.apiClientSecret())
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ReactiveOpaqueTokenAuthenticationConverter.class)
				.getBean(ReactiveOpaqueTokenIntrospector.class)
				.isInstanceOf(ZitadelReactiveOpaqueTokenIntrospector.class));
	}

	@Test
	void anApplicationsOwnDecoderWins() {
		this.servlet.withUserConfiguration(OwnDecoder.class)
			.withPropertyValues("zitadel.resource-server.audience=" + zitadel.apiProjectId())
			.run((context) -> assertThat(context).hasNotFailed().getBean(JwtDecoder.class).isSameAs(OwnDecoder.DECODER));
	}

	@Test
	void switchedOffWithZitadelEnabledFalse() {
		this.servlet.withPropertyValues("zitadel.enabled=false", "zitadel.resource-server.audience=x")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(JwtDecoder.class));
	}

	@Test
	void noAudienceFailsNamingTheProperty() {
		this.servlet.withPropertyValues("zitadel.resource-server.introspection.key-json=" + zitadel.applicationKeyJson())
			.run((context) -> assertThat(analysis(context).getDescription())
				.isEqualTo("The ZITADEL resource server cannot start: zitadel.resource-server.audience is not set."));
	}

	@Test
	void aServiceUserKeyGivenAsTheApplicationKeyFailsNamingTheProperty() {
		this.servlet
			.withPropertyValues("zitadel.resource-server.audience=x",
					"zitadel.resource-server.introspection.key-json=" + zitadel.keyJson())
			.run((context) -> {
				FailureAnalysis analysis = analysis(context);
				assertThat(analysis.getDescription()).startsWith(
						"The ZITADEL resource server cannot start: zitadel.resource-server.introspection.key-json is "
								+ "not a usable application key: The key is of type 'serviceaccount'");
				assertThat(analysis.getAction()).contains("API application");
				assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("PRIVATE KEY");
			});
	}

	@Test
	void theApplicationKeyGivenAsAServiceUserKeyFailsNamingTheProperty() {
		this.servlet.withPropertyValues("zitadel.service-user.key-json=" + zitadel.applicationKeyJson())
			.run((context) -> assertThat(analysis(context).getDescription())
				.startsWith("The ZITADEL service user client cannot start: zitadel.service-user.key-json is not a usable "
						+ "service user key: The key is of type 'application'"));
	}

	@Test
	void aMissingKeyFileFailsNamingTheProperty(@TempDir Path directory) {
		Path missing = directory.resolve("api-app-key.json");
		this.servlet
			.withPropertyValues("zitadel.resource-server.audience=x",
					"zitadel.resource-server.introspection.key-file=file:" + missing)
			.run((context) -> assertThat(analysis(context).getDescription()).startsWith(
					"The ZITADEL resource server cannot start: zitadel.resource-server.introspection.key-file points to")
				.contains("which does not exist"));
	}

	@Test
	void notAWebApplicationGetsNoDecoder() {
		new ApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS)
			.withPropertyValues("zitadel.issuer=" + zitadel.issuer(), "zitadel.resource-server.audience=x")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(JwtDecoder.class));
	}

	private static FailureAnalysis analysis(ApplicationContextAssertProvider<?> context) {
		assertThat(context).hasFailed();
		Throwable failure = context.getStartupFailure();
		while (failure != null && !(failure instanceof InvalidZitadelConfigurationException)) {
			failure = failure.getCause();
		}
		assertThat(failure).isNotNull();
		return new InvalidZitadelConfigurationFailureAnalyzer().analyze(failure);
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnDecoder {

		static final JwtDecoder DECODER = NimbusJwtDecoder.withJwkSetUri("http://localhost/keys").build();

		@Bean
		JwtDecoder ownDecoder() {
			return DECODER;
		}

	}

}
