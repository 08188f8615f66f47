package io.github.zitadelstarter.actions;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Lets the calls to ZITADEL targets of a servlet application through Spring Security: a call
 * carries no user's credentials, and {@link ActionSignatureFilter} has already checked it
 * before Spring Security sees it. In each security filter chain that has authorization rules,
 * the targets' paths are permitted ahead of the application's own rules; CSRF protection skips
 * them. A chain without {@code authorizeHttpRequests} is left as it is.
 * <p>
 * With Spring Boot, the starter publishes {@link #customizer(Supplier)} as a
 * {@code Customizer<HttpSecurity>} bean, which Spring Security applies to every
 * {@code HttpSecurity}; without it, {@code http.with(ActionTargetsHttpSecurity.configurer(targets))}.
 */
public final class ActionTargetsHttpSecurity {

	private ActionTargetsHttpSecurity() {
	}

	/**
	 * What Spring Security applies to each {@code HttpSecurity}.
	 * @param targets the targets
	 * @return the customizer
	 */
	public static Customizer<HttpSecurity> customizer(Supplier<ActionTargets> targets) {
		return (http) -> http.with(configurer(targets), Customizer.withDefaults());
	}

	/**
	 * The configurer, for {@code http.with(...)}.
	 * @param targets the targets
	 * @return the configurer
	 */
	public static AbstractHttpConfigurer<?, HttpSecurity> configurer(Supplier<ActionTargets> targets) {
		return new Configurer(targets);
	}

	private static final class Configurer extends AbstractHttpConfigurer<Configurer, HttpSecurity> {

		private final Supplier<ActionTargets> targets;

		Configurer(Supplier<ActionTargets> targets) {
			this.targets = targets;
		}

		@Override
		@SuppressWarnings("unchecked")
		public void init(HttpSecurity http) {
			// init runs when the chain is built, after the application configured it
			RequestMatcher matcher = (request) -> this.targets.get()
				.find(ActionSignatureFilter.pathWithinApplication(request)) != null;
			AuthorizeHttpRequestsConfigurer<HttpSecurity> authorize = http
				.getConfigurer(AuthorizeHttpRequestsConfigurer.class);
			if (authorize != null) {
				authorize.withObjectPostProcessor(new ObjectPostProcessor<AuthorizationManager<HttpServletRequest>>() {

					@Override
					public <O extends AuthorizationManager<HttpServletRequest>> O postProcess(O manager) {
						return (O) new PermitTargets(matcher, manager);
					}

				});
			}
			CsrfConfigurer<HttpSecurity> csrf = http.getConfigurer(CsrfConfigurer.class);
			if (csrf != null) {
				csrf.ignoringRequestMatchers(matcher);
			}
		}

	}

	/** Permits the targets' calls, ahead of the application's rules for everything else. */
	private record PermitTargets(RequestMatcher targets,
			AuthorizationManager<HttpServletRequest> rules) implements AuthorizationManager<HttpServletRequest> {

		@Override
		public @Nullable AuthorizationResult authorize(Supplier<? extends @Nullable Authentication> authentication,
				HttpServletRequest request) {
			if (this.targets.matches(request)) {
				return new AuthorizationDecision(true);
			}
			return this.rules.authorize(authentication, request);
		}

	}

}
