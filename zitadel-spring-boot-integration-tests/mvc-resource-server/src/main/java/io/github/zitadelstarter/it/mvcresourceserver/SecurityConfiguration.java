package io.github.zitadelstarter.it.mvcresourceserver;

import io.github.zitadelstarter.resourceserver.ZitadelBearerTokenFailureHandler;
import io.github.zitadelstarter.resourceserver.ZitadelRoleAuthorizationManager;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The application's own security: {@code /api/**} needs the role {@code viewer}, checked by
 * Spring Security's resource server with what the starter contributes (the JWT decoder or the
 * introspector, and the converter of ZITADEL's roles).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	@Bean
	SecurityFilterChain apiSecurity(HttpSecurity http, ObjectProvider<JwtDecoder> jwtDecoder) {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/api/billing/**")
			.access(ZitadelRoleAuthorizationManager.hasRole("admin").inOrganization("billing-org"))
			.requestMatchers("/api/**")
			.hasRole("viewer")
			.anyRequest()
			.authenticated());
		http.oauth2ResourceServer((resourceServer) -> {
			if (jwtDecoder.getIfAvailable() != null) {
				resourceServer.jwt(Customizer.withDefaults());
			}
			else {
				resourceServer.opaqueToken(Customizer.withDefaults());
			}
			// ZITADEL out of reach: 503 with Retry-After, not 401.
			resourceServer.withObjectPostProcessor(ZitadelBearerTokenFailureHandler.postProcessor());
		});
		return http.build();
	}

}
