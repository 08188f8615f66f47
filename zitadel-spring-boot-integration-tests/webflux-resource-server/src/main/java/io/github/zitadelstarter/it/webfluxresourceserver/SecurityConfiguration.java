package io.github.zitadelstarter.it.webfluxresourceserver;

import io.github.zitadelstarter.resourceserver.ZitadelRoleChecks;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * The application's own security: {@code /api/**} needs the role {@code viewer}, the billing
 * API the role {@code admin} in the organization {@code billing-org}, checked by Spring
 * Security's reactive resource server with what the starter contributes (the JWT decoder or
 * the introspector, and the converter of ZITADEL's roles). Health stays open.
 */
@Configuration(proxyBeanMethods = false)
@EnableReactiveMethodSecurity
class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain apiSecurity(ServerHttpSecurity http, ObjectProvider<ReactiveJwtDecoder> jwtDecoder,
			ZitadelRoleChecks zitadelRoles) {
		http.authorizeExchange((exchanges) -> exchanges.pathMatchers("/actuator/health/**")
			.permitAll()
			.pathMatchers("/api/billing/**")
			.access((authentication, context) -> authentication.<AuthorizationResult>map((user) -> new AuthorizationDecision(
					zitadelRoles.hasRoleInOrganization(user, "admin", "billing-org")))
				.defaultIfEmpty(new AuthorizationDecision(false)))
			.pathMatchers("/api/**")
			.hasRole("viewer")
			.anyExchange()
			.authenticated());
		http.oauth2ResourceServer((resourceServer) -> {
			if (jwtDecoder.getIfAvailable() != null) {
				resourceServer.jwt(Customizer.withDefaults());
			}
			else {
				resourceServer.opaqueToken(Customizer.withDefaults());
			}
		});
		return http.build();
	}

}
