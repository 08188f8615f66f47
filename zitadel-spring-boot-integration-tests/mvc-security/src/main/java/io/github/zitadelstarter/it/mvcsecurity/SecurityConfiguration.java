package io.github.zitadelstarter.it.mvcsecurity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.JwtBearerOAuth2AuthorizedClientProvider;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Users log in with ZITADEL; the endpoints that call ZITADEL and the partner as the
 * application itself need no login.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/zitadel/**", "/partner/**")
			.permitAll()
			.requestMatchers("/reports")
			.hasRole("viewer")
			.requestMatchers("/admin")
			.hasRole("admin")
			.anyRequest()
			.authenticated());
		http.oauth2Login(Customizer.withDefaults());
		return http.build();
	}

	/**
	 * As an application that exchanges its users' tokens for other tokens would have. Spring
	 * Security builds its authorized client manager from every such bean in the context.
	 */
	@Bean
	JwtBearerOAuth2AuthorizedClientProvider userTokenExchangeProvider() {
		return new JwtBearerOAuth2AuthorizedClientProvider();
	}

}
