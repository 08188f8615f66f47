package io.github.zitadelstarter.observation;

import java.time.Duration;
import java.util.List;

import io.github.zitadelstarter.autoconfigure.ZitadelAutoConfiguration;
import io.github.zitadelstarter.autoconfigure.ZitadelObservationAutoConfiguration;
import io.github.zitadelstarter.autoconfigure.ZitadelResourceServerAutoConfiguration;
import io.github.zitadelstarter.resourceserver.IntrospectionObserver;
import io.github.zitadelstarter.test.LocalZitadel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Each request's introspection of a user's token, recorded as the observation
 * {@code zitadel.introspection} and read back as Micrometer's timer, in an application
 * context against the local ZITADEL.
 */
class ZitadelIntrospectionObservationTests {

	private static final LocalZitadel zitadel = LocalZitadel.start();

	private static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations.of(ZitadelAutoConfiguration.class,
			ZitadelResourceServerAutoConfiguration.class, ZitadelObservationAutoConfiguration.class);

	private final WebApplicationContextRunner servletWithoutCredential = new WebApplicationContextRunner()
		.withConfiguration(AUTO_CONFIGURATIONS)
		.withUserConfiguration(Metrics.class)
		.withPropertyValues("zitadel.issuer=" + zitadel.issuer(),
				"zitadel.resource-server.audience=" + zitadel.apiProjectId());

	private final WebApplicationContextRunner servlet = this.servletWithoutCredential
		.withPropertyValues("zitadel.resource-server.introspection.key-json=" + zitadel.applicationKeyJson());

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AUTO_CONFIGURATIONS)
		.withUserConfiguration(Metrics.class)
		.withPropertyValues("zitadel.issuer=" + zitadel.issuer(),
				"zitadel.resource-server.audience=" + zitadel.apiProjectId(),
				"zitadel.resource-server.introspection.key-json=" + zitadel.applicationKeyJson());

	@AfterEach
	void reset() {
		zitadel.reset();
	}

	@AfterAll
	static void stop() {
		zitadel.close();
	}

	@Test
	void introspectionsAreTimedByCacheUseAndOutcome() {
		this.servlet.run((context) -> {
			OpaqueTokenIntrospector introspector = context.getBean(OpaqueTokenIntrospector.class);
			String token = zitadel.userToken("alice").role("viewer").opaque();

			introspector.introspect(token);
			introspector.introspect(token);
			introspector.introspect(token);
			catchThrowable(() -> introspector.introspect("garbage-1234"));
			catchThrowable(() -> introspector.introspect("garbage-1234"));

			assertThat(count(context, "miss", "active")).isEqualTo(1);
			assertThat(count(context, "hit", "active")).isEqualTo(2);
			assertThat(count(context, "miss", "inactive")).isEqualTo(1);
			assertThat(count(context, "hit", "inactive")).isEqualTo(1);
			assertThat(zitadel.introspections()).hasSize(2);
		});
	}

	@Test
	void zitadelOutOfReachIsUnavailableAndAKnownTokenStillAHit() {
		this.servlet.run((context) -> {
			OpaqueTokenIntrospector introspector = context.getBean(OpaqueTokenIntrospector.class);
			String known = zitadel.userToken("alice").opaque();
			introspector.introspect(known);

			zitadel.goDown();
			catchThrowable(() -> introspector.introspect(zitadel.userToken("bob").opaque()));
			// In the cool-down: refused without asking ZITADEL.
			catchThrowable(() -> introspector.introspect(zitadel.userToken("carol").opaque()));
			introspector.introspect(known);

			assertThat(count(context, "miss", "unavailable")).isEqualTo(2);
			assertThat(count(context, "hit", "active")).isEqualTo(1);
		});
	}

	@Test
	void zitadelRefusingTheApiApplicationIsAFailure() {
		this.servletWithoutCredential
			.withPropertyValues("zitadel.resource-server.introspection.client-id=" + zitadel.apiClientId(),
					"zitadel.resource-server.introspection.client-secret=wrong")
			.run((context) -> {
				OpaqueTokenIntrospector introspector = context.getBean(OpaqueTokenIntrospector.class);

				catchThrowable(() -> introspector.introspect(zitadel.userToken("alice").opaque()));

				assertThat(count(context, "miss", "failure")).isEqualTo(1);
			});
	}

	@Test
	void requestsWithATokenInFlightJoinItsIntrospection() {
		this.reactive.run((context) -> {
			ReactiveOpaqueTokenIntrospector introspector = context.getBean(ReactiveOpaqueTokenIntrospector.class);
			String token = zitadel.userToken("alice").role("viewer").opaque();
			zitadel.delayIntrospections(Duration.ofMillis(500));

			List<Object> principals = Flux.range(0, 5)
				.flatMap((i) -> introspector.introspect(token))
				.cast(Object.class)
				.collectList()
				.block(Duration.ofSeconds(30));

			assertThat(principals).hasSize(5);
			assertThat(count(context, "miss", "active")).isEqualTo(1);
			assertThat(count(context, "joined", "active")).isEqualTo(4);
			assertThat(zitadel.introspections()).hasSize(1);
		});
	}

	@Test
	void aRequestThatGivesUpIsCancelledAndTheIntrospectionGoesOnForTheOthers() {
		this.reactive.run((context) -> {
			ReactiveOpaqueTokenIntrospector introspector = context.getBean(ReactiveOpaqueTokenIntrospector.class);
			String token = zitadel.userToken("alice").role("viewer").opaque();
			zitadel.delayIntrospections(Duration.ofSeconds(1));

			introspector.introspect(token).subscribe().dispose();
			Object principal = introspector.introspect(token).block(Duration.ofSeconds(30));

			assertThat(principal).isNotNull();
			assertThat(count(context, "miss", "cancelled")).isEqualTo(1);
			assertThat(count(context, "joined", "active")).isEqualTo(1);
			assertThat(zitadel.introspections()).hasSize(1);
		});
	}

	@Test
	void anApplicationsOwnObserverWins() {
		IntrospectionObserver own = () -> (cache, outcome, failure) -> {
		};
		this.servlet.withBean(IntrospectionObserver.class, () -> own).run((context) -> {
			assertThat(context).getBean(IntrospectionObserver.class).isSameAs(own);
			context.getBean(OpaqueTokenIntrospector.class).introspect(zitadel.userToken("alice").opaque());
			assertThat(context.getBean(MeterRegistry.class).find(ObservationIntrospectionObserver.NAME).timer())
				.isNull();
		});
	}

	private static long count(ApplicationContext context, String cache, String outcome) {
		Timer timer = context.getBean(MeterRegistry.class)
			.find(ObservationIntrospectionObserver.NAME)
			.tags("cache", cache, "outcome", outcome)
			.timer();
		return (timer != null) ? timer.count() : 0;
	}

	/** Micrometer as Spring Boot's actuator sets it up: observations become timers. */
	@Configuration(proxyBeanMethods = false)
	static class Metrics {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		ObservationRegistry observationRegistry(MeterRegistry meterRegistry) {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new DefaultMeterObservationHandler(meterRegistry));
			return registry;
		}

	}

}
