package io.github.zitadelstarter.actions;

import io.github.zitadelstarter.autoconfigure.InvalidZitadelConfigurationException;
import io.github.zitadelstarter.autoconfigure.ZitadelActionsAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.config.EnableWebFlux;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import static org.assertj.core.api.Assertions.assertThat;

class ZitadelActionsAutoConfigurationTests {

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZitadelActionsAutoConfiguration.class));

	@Test
	void aMarkedMethodWithoutASigningKeyStopsTheApplicationNamingTheProperty() {
		this.servlet.withUserConfiguration(MvcTarget.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure())
				.isInstanceOf(InvalidZitadelConfigurationException.class)
				.hasMessageContaining("zitadel.actions.signing-key is not set, but Target#preAccessToken takes calls "
						+ "from ZITADEL")
				.hasMessageContaining("Set zitadel.actions.signing-key to the signing key that ZITADEL returned");
		});
	}

	@Test
	void anEmptySigningKeyStopsTheApplicationNamingTheProperty() {
		this.servlet.withUserConfiguration(MvcTarget.class)
			.withPropertyValues("zitadel.actions.signing-key= ")
			.run((context) -> assertThat(context.getStartupFailure()).isInstanceOf(InvalidZitadelConfigurationException.class)
				.hasMessageContaining("zitadel.actions.signing-key is empty"));
	}

	@Test
	void aTargetWithoutPathOrMarkedMethodStopsTheApplication() {
		this.servlet.withPropertyValues("zitadel.actions.targets.events.signing-key=sk_events_1234567890")
			.run((context) -> assertThat(context.getStartupFailure()).isInstanceOf(InvalidZitadelConfigurationException.class)
				.hasMessageContaining("zitadel.actions.targets.events.path is not set"));
	}

	@Test
	void aMarkedMethodNamingAnUnconfiguredTargetStopsTheApplication() {
		this.servlet.withUserConfiguration(NamedMvcTarget.class)
			.withPropertyValues("zitadel.actions.signing-key=sk_shared_1234567890")
			.run((context) -> assertThat(context.getStartupFailure()).isInstanceOf(InvalidZitadelConfigurationException.class)
				.hasMessageContaining("NamedTarget#call is marked @ZitadelActionTarget(\"orders\"), but "
						+ "zitadel.actions.targets.orders.signing-key is not set"));
	}

	@Test
	void aNonPositiveToleranceStopsTheApplication() {
		this.servlet.withPropertyValues("zitadel.actions.tolerance=0s")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(InvalidZitadelConfigurationException.class)
				.hasMessageContaining("zitadel.actions.tolerance must be a positive duration"));
	}

	@Test
	void aWebApplicationWithoutTargetsGetsAFilterThatChecksNothingAndNoSecurityRules() {
		this.servlet.run((context) -> {
			assertThat(context).hasSingleBean(ActionSignatureFilter.class);
			assertThat(context).doesNotHaveBean("zitadelActionTargetsHttpSecurity");
		});
	}

	@Test
	void targetsOfMarkedMethodsAndPropertiesAreChecked() {
		this.servlet.withUserConfiguration(MvcTarget.class)
			.withPropertyValues("zitadel.actions.signing-key=sk_shared_1234567890",
					"zitadel.actions.previous-signing-key=sk_previous_1234567890",
					"zitadel.actions.targets.events.path=/actions/events/**")
			.run((context) -> {
				assertThat(context).hasBean("zitadelActionTargetsHttpSecurity");
				@SuppressWarnings("unchecked")
				ActionTargets targets = ((java.util.function.Supplier<ActionTargets>) context
					.getBean("zitadelActionTargets")).get();
				assertThat(targets.find("/actions/preaccesstoken").name()).isEqualTo("Target#preAccessToken");
				assertThat(targets.find("/actions/events/user").name()).isEqualTo("events");
				assertThat(targets.find("/me")).isNull();
				assertThat(targets.find("/actions/events/user").verifier().toString()).contains("2 signing key(s)")
					.doesNotContain("sk_");
			});
	}

	@Test
	void aUsersOwnFilterWins() {
		this.servlet.withUserConfiguration(OwnFilter.class)
			.run((context) -> assertThat(context.getBean(ActionSignatureFilter.class))
				.isSameAs(context.getBean(OwnFilter.class).filter));
	}

	@Test
	void aReactiveApplicationGetsTheWebFilter() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ZitadelActionsAutoConfiguration.class))
			.withUserConfiguration(WebFluxTarget.class)
			.withPropertyValues("zitadel.actions.signing-key=sk_shared_1234567890")
			.run((context) -> {
				assertThat(context).hasSingleBean(ActionSignatureWebFilter.class);
				assertThat(context).doesNotHaveBean(ActionSignatureFilter.class);
				@SuppressWarnings("unchecked")
				ActionTargets targets = ((java.util.function.Supplier<ActionTargets>) context
					.getBean("zitadelActionTargets")).get();
				assertThat(targets.find("/actions/preaccesstoken")).isNotNull();
			});
	}

	@Test
	void anApplicationThatIsNotWebGetsNothing() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ZitadelActionsAutoConfiguration.class))
			.withPropertyValues("zitadel.actions.signing-key=sk_shared_1234567890")
			.run((context) -> assertThat(context).doesNotHaveBean(ActionSignatureFilter.class)
				.doesNotHaveBean(ActionSignatureWebFilter.class));
	}

	@RestController
	static class Target {

		@PostMapping("/actions/preaccesstoken")
		@ZitadelActionTarget
		FunctionAnswer preAccessToken(@RequestBody FunctionPayload payload) {
			return FunctionAnswer.empty();
		}

	}

	@RestController
	static class NamedTarget {

		@PostMapping("/actions/orders")
		@ZitadelActionTarget("orders")
		void call(@RequestBody RequestExecutionPayload payload) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebMvc
	@Import(Target.class)
	static class MvcTarget {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebMvc
	@Import(NamedTarget.class)
	static class NamedMvcTarget {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebFlux
	@Import(Target.class)
	static class WebFluxTarget {

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnFilter {

		final ActionSignatureFilter filter = new ActionSignatureFilter(new ActionTargets(java.util.List.of()));

		@Bean
		ActionSignatureFilter ownFilter() {
			return this.filter;
		}

	}

}
