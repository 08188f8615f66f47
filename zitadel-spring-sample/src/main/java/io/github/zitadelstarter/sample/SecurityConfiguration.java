package io.github.zitadelstarter.sample;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * The sample's own API, {@code /api/**}, needs a ZITADEL user's token with the role
 * {@code viewer}, checked with what the starter contributes for {@code zitadel.resource-server.*}
 * (JWTs against the issuer's keys, or opaque tokens by introspection). What the sample shows of
 * the service user ({@code /me}, {@code /org}, {@code /users}) and health stay open, as before.
 * Without {@code zitadel.resource-server.*}, {@code /api/**} is closed.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http,
			ObjectProvider<ReactiveJwtDecoder> jwtDecoder, ObjectProvider<ReactiveOpaqueTokenIntrospector> introspector) {
		boolean jwt = jwtDecoder.getIfAvailable() != null;
		boolean opaque = introspector.getIfAvailable() != null;
		http.authorizeExchange((exchanges) -> {
			if (jwt || opaque) {
				exchanges.pathMatchers("/api/**").hasRole("viewer");
			}
			else {
				exchanges.pathMatchers("/api/**").denyAll();
			}
			exchanges.anyExchange().permitAll();
		});
		if (jwt) {
			http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(Customizer.withDefaults()));
		}
		else if (opaque) {
			http.oauth2ResourceServer((resourceServer) -> resourceServer.opaqueToken(Customizer.withDefaults()));
		}
		return http.build();
	}

}
