package io.github.zitadelstarter.autoconfigure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.zitadelstarter.actions.ActionSignatureFilter;
import io.github.zitadelstarter.actions.ActionSignatureWebFilter;
import io.github.zitadelstarter.actions.ActionTargetsHttpSecurity;
import io.github.zitadelstarter.actions.ActionTargetsServerHttpSecurity;
import io.github.zitadelstarter.actions.ZitadelActionTarget;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Auto-configuration of ZITADEL calling the application (Actions v2): every request to a
 * ZITADEL target, a controller method marked {@link ZitadelActionTarget} or a path of
 * {@code zitadel.actions.targets.*}, has its {@code ZITADEL-Signature} checked by a filter that
 * runs before Spring Security's, and is answered 401 when the check fails. With Spring Security,
 * the targets' paths are permitted and spared CSRF protection, since the calls carry no user.
 * <p>
 * The filter exists in every web application, so that a marked method can never take calls
 * unchecked: without a signing key for it, the application does not start. It lets every other
 * request through untouched.
 */
@AutoConfiguration
@ConditionalOnWebApplication
@EnableConfigurationProperties(ZitadelActionsProperties.class)
public final class ZitadelActionsAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = { "jakarta.servlet.Filter",
			"org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping" })
	static class ServletConfiguration {

		@Bean
		ZitadelActionTargets zitadelActionTargets(ZitadelActionsProperties properties, ListableBeanFactory beans) {
			return new ZitadelActionTargets(properties, () -> endpoints(beans), Clock.systemUTC());
		}

		@Bean
		@ConditionalOnMissingBean
		ActionSignatureFilter zitadelActionSignatureFilter(ZitadelActionTargets zitadelActionTargets) {
			return new ActionSignatureFilter(zitadelActionTargets);
		}

		private static List<ZitadelActionTargets.Endpoint> endpoints(ListableBeanFactory beans) {
			List<ZitadelActionTargets.Endpoint> endpoints = new ArrayList<>();
			for (org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mapping : beans
				.getBeansOfType(org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping.class)
				.values()) {
				mapping.getHandlerMethods()
					.forEach((info, method) -> add(endpoints, method, List.copyOf(info.getPatternValues())));
			}
			return endpoints;
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(HttpSecurity.class)
		@Conditional(OnActionsConfiguredCondition.class)
		static class SecurityConfiguration {

			/** Applied by Spring Security to every {@code HttpSecurity}, Boot's default security's too. */
			@Bean
			Customizer<HttpSecurity> zitadelActionTargetsHttpSecurity(ZitadelActionTargets zitadelActionTargets) {
				return ActionTargetsHttpSecurity.customizer(zitadelActionTargets);
			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass(name = "org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping")
	static class ReactiveConfiguration {

		@Bean
		ZitadelActionTargets zitadelActionTargets(ZitadelActionsProperties properties, ListableBeanFactory beans) {
			return new ZitadelActionTargets(properties, () -> endpoints(beans), Clock.systemUTC());
		}

		@Bean
		@ConditionalOnMissingBean
		ActionSignatureWebFilter zitadelActionSignatureWebFilter(ZitadelActionTargets zitadelActionTargets) {
			return new ActionSignatureWebFilter(zitadelActionTargets);
		}

		private static List<ZitadelActionTargets.Endpoint> endpoints(ListableBeanFactory beans) {
			List<ZitadelActionTargets.Endpoint> endpoints = new ArrayList<>();
			for (org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping mapping : beans
				.getBeansOfType(
						org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping.class)
				.values()) {
				mapping.getHandlerMethods()
					.forEach((info, method) -> add(endpoints, method,
							info.getPatternsCondition().getPatterns().stream().map(PathPattern::getPatternString).toList()));
			}
			return endpoints;
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(ServerHttpSecurity.class)
		@Conditional(OnActionsConfiguredCondition.class)
		static class SecurityConfiguration {

			/** Applied by Spring Security to every {@code ServerHttpSecurity} as it is created. */
			@Bean
			Customizer<ServerHttpSecurity> zitadelActionTargetsServerHttpSecurity(
					ZitadelActionTargets zitadelActionTargets) {
				return ActionTargetsServerHttpSecurity.customizer(zitadelActionTargets);
			}

		}

	}

	private static void add(List<ZitadelActionTargets.Endpoint> endpoints, HandlerMethod method, List<String> paths) {
		ZitadelActionTarget annotation = method.getMethodAnnotation(ZitadelActionTarget.class);
		if (annotation != null) {
			endpoints.add(new ZitadelActionTargets.Endpoint(annotation.value().trim(),
					method.getBeanType().getSimpleName() + "#" + method.getMethod().getName(), paths));
		}
	}

	/**
	 * Matches when the application configures a signing key or a target: only then does Spring
	 * Security get rules for the targets' paths.
	 */
	static class OnActionsConfiguredCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			if (StringUtils.hasText(context.getEnvironment().getProperty("zitadel.actions.signing-key"))) {
				return ConditionOutcome.match("zitadel.actions.signing-key is set");
			}
			boolean targets = Binder.get(context.getEnvironment())
				.bind("zitadel.actions.targets", Bindable.mapOf(String.class, Object.class))
				.map(Map::isEmpty)
				.map((empty) -> !empty)
				.orElse(false);
			return targets ? ConditionOutcome.match("zitadel.actions.targets is set")
					: ConditionOutcome.noMatch("neither zitadel.actions.signing-key nor zitadel.actions.targets is set");
		}

	}

}
