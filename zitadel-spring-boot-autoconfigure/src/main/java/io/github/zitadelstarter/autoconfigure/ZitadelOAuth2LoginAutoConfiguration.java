package io.github.zitadelstarter.autoconfigure;

import io.github.zitadelstarter.resourceserver.ZitadelGrantedAuthoritiesMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/**
 * Auto-configuration of ZITADEL's roles for users who log in with ZITADEL
 * ({@code oauth2Login}): a {@link GrantedAuthoritiesMapper}, which Spring Security's login
 * picks up, giving users whose ID token ZITADEL issued the authorities of their roles, with
 * the resource server's prefix ({@code zitadel.resource-server.authority-prefix}). Applies
 * when the application has client registrations (Spring Boot's
 * {@code spring.security.oauth2.client.registration.*}) and {@code zitadel.issuer} is set; an
 * application's own mapper wins.
 */
@AutoConfiguration(
		afterName = { "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration",
				"org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientAutoConfiguration" },
		beforeName = {
				"org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration",
				"org.springframework.boot.security.oauth2.client.autoconfigure.reactive.ReactiveOAuth2ClientWebSecurityAutoConfiguration" })
@ConditionalOnClass({ OidcUserAuthority.class, GrantedAuthoritiesMapper.class })
@ConditionalOnProperty("zitadel.issuer")
@Conditional({ OnZitadelConfiguredCondition.class, ZitadelOAuth2LoginAutoConfiguration.OnClientRegistrations.class })
@EnableConfigurationProperties(ZitadelProperties.class)
public final class ZitadelOAuth2LoginAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	GrantedAuthoritiesMapper zitadelGrantedAuthoritiesMapper(ZitadelProperties properties) {
		return new ZitadelGrantedAuthoritiesMapper(ZitadelUrls.base(properties.issuerUri()),
				properties.getResourceServer().getAuthorityPrefix());
	}

	/** The application has client registrations, of a servlet or a reactive application. */
	static class OnClientRegistrations extends AnyNestedCondition {

		OnClientRegistrations() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(ClientRegistrationRepository.class)
		static class Servlet {

		}

		@ConditionalOnBean(ReactiveClientRegistrationRepository.class)
		static class Reactive {

		}

	}

}
