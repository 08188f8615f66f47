package io.github.zitadelstarter.autoconfigure;

import java.util.List;

import io.github.zitadelstarter.api.authorization.AuthorizationsSearchFilter;
import io.github.zitadelstarter.api.authorization.ListAuthorizationsRequest;
import io.github.zitadelstarter.api.object.Details;
import io.github.zitadelstarter.api.ZitadelApiCatalog;
import io.github.zitadelstarter.api.session.CreateSessionRequest;
import io.github.zitadelstarter.api.session.Session;
import io.github.zitadelstarter.api.session.SessionServiceClient;
import io.github.zitadelstarter.api.settings.LoginSettings;
import io.github.zitadelstarter.api.settings.ReactiveSettingsServiceClient;
import io.github.zitadelstarter.api.user.CreateUserRequest;
import io.github.zitadelstarter.api.user.CreateUserRequestHuman;
import io.github.zitadelstarter.api.user.Gender;
import io.github.zitadelstarter.api.user.ListUsersResponse;
import io.github.zitadelstarter.api.user.SetHumanProfile;
import io.github.zitadelstarter.api.user.User;
import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.javapoet.ClassName;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an application processed ahead of time (and a native image built from it) needs from
 * the starter at run time is registered: the hints that Spring and Boot derive from the
 * auto-configuration, and the starter's own for what it looks up by name.
 */
class ZitadelRuntimeHintsTests {

	@Test
	void propertiesCanBeBoundInANativeImage() {
		RuntimeHints hints = processAheadOfTime();

		assertThat(RuntimeHintsPredicates.reflection().onType(ZitadelProperties.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(ZitadelProperties.class, "setIssuer"))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(ZitadelProperties.ServiceUser.class, "setKeyFile")).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(ZitadelProperties.Retry.class, "setMaxAttempts")).accepts(hints);
	}

	@Test
	void theHealthProbeFindsWebClientInANativeImage() {
		// Spring's processing of the zitadelWebClient bean happens to register the type too;
		// the probe's own look-up by name does not rely on that.
		RuntimeHints own = new RuntimeHints();
		new ZitadelHealthContributorAutoConfiguration.ProbeRuntimeHints().registerHints(own, null);

		assertThat(RuntimeHintsPredicates.reflection().onType(WebClient.class)).accepts(own)
			.accepts(processAheadOfTime());
	}

	@Test
	void typedClientsCanBeProxiedAndBoundInANativeImage() {
		RuntimeHints hints = new RuntimeHints();
		new ZitadelApiClientsAutoConfiguration.TypedClientHints().registerHints(hints, null);

		assertThat(ZitadelApiClientsAutoConfiguration.CLIENT_TYPES).hasSize(2 * ZitadelApiCatalog.SERVICES.size())
			.contains(SessionServiceClient.class, ReactiveSettingsServiceClient.class);
		for (Class<?> type : ZitadelApiClientsAutoConfiguration.CLIENT_TYPES) {
			assertThat(RuntimeHintsPredicates.proxies()
				.forInterfaces(AopProxyUtils.completeJdkProxyInterfaces(type))).accepts(hints);
		}
		// A request, a response, and records and enums nested in them.
		for (Class<?> bound : List.of(CreateUserRequest.class, CreateUserRequestHuman.class, SetHumanProfile.class,
				Gender.class, ListUsersResponse.class, User.class, Details.class, ListAuthorizationsRequest.class,
				AuthorizationsSearchFilter.class, CreateSessionRequest.class, Session.class, LoginSettings.class)) {
			assertThat(RuntimeHintsPredicates.reflection().onType(bound)).as(bound.getName()).accepts(hints);
		}
	}

	@Test
	void failureAnalyzersCanBeInstantiatedInANativeImage() {
		// Spring's own registrars (META-INF/spring/aot.factories) cover META-INF/spring.factories.
		RuntimeHints hints = new RuntimeHints();
		AotServices.factories()
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, getClass().getClassLoader()));

		assertThat(RuntimeHintsPredicates.reflection()
			.onConstructorInvocation(InvalidZitadelConfigurationFailureAnalyzer.class.getDeclaredConstructors()[0]))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onConstructorInvocation(ZitadelNotConfiguredFailureAnalyzer.class.getDeclaredConstructors()[0]))
			.accepts(hints);
	}

	/** The hints that Spring AOT collects while processing a context with the starter configured. */
	private static RuntimeHints processAheadOfTime() {
		try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
			TestPropertyValues
				.of("zitadel.issuer=https://zitadel.example", "zitadel.service-user.key-file=file:/run/secrets/key.json")
				.applyTo(context);
			context.register(ZitadelAutoConfiguration.class, ZitadelWebClientAutoConfiguration.class,
					ZitadelHealthContributorAutoConfiguration.class);
			DefaultGenerationContext generationContext = new DefaultGenerationContext(
					new ClassNameGenerator(ClassName.get("com.example", "Application")), new InMemoryGeneratedFiles());
			new ApplicationContextAotGenerator().processAheadOfTime(context, generationContext);
			assertThat(context.getBeanFactory().containsBeanDefinition("zitadelHealthIndicator")).isTrue();
			return generationContext.getRuntimeHints();
		}
	}

}
