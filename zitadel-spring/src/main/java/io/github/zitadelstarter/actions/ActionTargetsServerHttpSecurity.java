package io.github.zitadelstarter.actions;

import java.util.function.Supplier;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;

/**
 * Lets the calls to ZITADEL targets of a WebFlux application through Spring Security: a call
 * carries no user's credentials, and {@link ActionSignatureWebFilter} has already checked it
 * before Spring Security sees it. The targets' paths are permitted ahead of the application's
 * own {@code authorizeExchange} rules, and CSRF protection skips them.
 * <p>
 * With Spring Boot, the starter publishes {@link #customizer(Supplier)} as a
 * {@code Customizer<ServerHttpSecurity>} bean once a target is configured, which Spring Security
 * applies to every {@code ServerHttpSecurity} as it is created, before the application's own
 * configuration.
 */
public final class ActionTargetsServerHttpSecurity {

	private ActionTargetsServerHttpSecurity() {
	}

	/**
	 * What Spring Security applies to each {@code ServerHttpSecurity}.
	 * @param targets the targets
	 * @return the customizer
	 */
	public static Customizer<ServerHttpSecurity> customizer(Supplier<ActionTargets> targets) {
		ServerWebExchangeMatcher matcher = (exchange) -> (targets.get()
			.find(exchange.getRequest().getPath().pathWithinApplication()) != null)
					? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
		return (http) -> http.authorizeExchange((exchanges) -> exchanges.matchers(matcher).permitAll())
			.csrf((csrf) -> csrf.requireCsrfProtectionMatcher(new AndServerWebExchangeMatcher(
					CsrfWebFilter.DEFAULT_CSRF_MATCHER, new NegatedServerWebExchangeMatcher(matcher))));
	}

}
