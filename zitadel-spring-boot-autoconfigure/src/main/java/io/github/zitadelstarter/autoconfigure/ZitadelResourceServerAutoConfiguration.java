package io.github.zitadelstarter.autoconfigure;

import java.time.Clock;

import io.github.zitadelstarter.resourceserver.IntrospectionClientAuthentication;
import io.github.zitadelstarter.resourceserver.IntrospectionObserver;
import io.github.zitadelstarter.resourceserver.IntrospectionSettings;
import io.github.zitadelstarter.resourceserver.ZitadelAuthenticationConverters;
import io.github.zitadelstarter.resourceserver.ZitadelBearerTokenFailureHandler;
import io.github.zitadelstarter.resourceserver.ZitadelGrantedAuthoritiesConverter;
import io.github.zitadelstarter.resourceserver.ZitadelJwtDecoders;
import io.github.zitadelstarter.resourceserver.ZitadelOpaqueTokenIntrospector;
import io.github.zitadelstarter.resourceserver.ZitadelReactiveOpaqueTokenIntrospector;
import io.github.zitadelstarter.resourceserver.ZitadelRoleChecks;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.introspection.ReactiveOpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the application's own API protected by ZITADEL: what Spring
 * Security's resource server support consumes, so that Spring Boot's default security and
 * an application's own {@code oauth2ResourceServer(...)} both use it. JWTs (the default) get
 * a {@link JwtDecoder} against the issuer's keys and a {@link JwtAuthenticationConverter}
 * with ZITADEL's roles; with {@code zitadel.resource-server.introspection.*} opaque tokens get
 * an {@link OpaqueTokenIntrospector} and an {@link OpaqueTokenAuthenticationConverter}. The
 * reactive counterparts for a WebFlux application. An application's own bean of each type
 * wins; Spring Boot's own resource server beans back off.
 * <p>
 * Applies only when a {@code zitadel.resource-server.*} property is set.
 */
@AutoConfiguration(
		afterName = { "org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
				"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration" },
		beforeName = {
				"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
				"org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration" })
@ConditionalOnClass(BearerTokenAuthenticationToken.class)
@Conditional(OnResourceServerCondition.class)
@EnableConfigurationProperties(ZitadelProperties.class)
public final class ZitadelResourceServerAutoConfiguration {

	private static final Log logger = LogFactory.getLog(ZitadelResourceServerAutoConfiguration.class);

	/** ZITADEL's role checks for SpEL: {@code @zitadelRoles.hasRoleInOrganization(authentication, 'admin', #orgId)}. */
	@Bean
	@ConditionalOnMissingBean
	ZitadelRoleChecks zitadelRoles() {
		return new ZitadelRoleChecks();
	}

	/** The issuer as the tokens' {@code iss} spells it. */
	static String issuer(ZitadelProperties properties) {
		return ZitadelUrls.base(properties.issuerUri());
	}

	static String audience(ZitadelProperties properties) {
		String audience = properties.getResourceServer().getAudience();
		if (!StringUtils.hasText(audience)) {
			throw new InvalidZitadelConfigurationException("zitadel.resource-server.audience",
					"zitadel.resource-server.audience is not set",
					"Set it to the id of the project of your API (Projects > your project > Resource Id in the ZITADEL "
							+ "console): a token must be meant for this API. ZITADEL puts the project id in a token's aud "
							+ "when the client asks for the scope urn:zitadel:iam:org:project:id:<project id>:aud.");
		}
		return audience.trim();
	}

	static ZitadelGrantedAuthoritiesConverter authorities(ZitadelProperties properties) {
		return new ZitadelGrantedAuthoritiesConverter(properties.getResourceServer().getAuthorityPrefix());
	}

	static IntrospectionSettings introspectionSettings(ZitadelProperties properties) {
		ZitadelProperties.Introspection introspection = properties.getResourceServer().getIntrospection();
		return new IntrospectionSettings(introspection.getMaxAge(), introspection.getMaxWait(),
				introspection.getCoolDown(), introspection.getMaxEntries());
	}

	static IntrospectionClientAuthentication clientAuthentication(ZitadelProperties properties) {
		IntrospectionClientAuthentication authentication = IntrospectionCredentials.of(
				properties.getResourceServer().getIntrospection(), ZitadelUrls.audience(properties.issuerUri()),
				Clock.systemUTC());
		logger.info("Checking users' access tokens by ZITADEL's introspection at " + issuer(properties) + " as "
				+ authentication + ", for the audience " + audience(properties));
		return authentication;
	}

	static HttpClientSettings httpClientSettings(ZitadelProperties properties,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
		return ZitadelHttpClientSettings.api(properties, httpClientSettings, sslBundles)
			.withTimeouts(properties.getResourceServer().getTimeout(), properties.getResourceServer().getTimeout());
	}

	/** The blocking client of the requests to ZITADEL, also the health check's. */
	static RestTemplate restTemplate(ZitadelProperties properties,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
		return new RestTemplate(ZitadelHttpClientSettings.requestFactoryBuilder(requestFactoryBuilder)
			.build(httpClientSettings(properties, httpClientSettings, sslBundles)));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class ServletConfiguration {

		@Configuration(proxyBeanMethods = false)
		@Conditional(OnResourceServerCondition.Jwt.class)
		static class JwtConfiguration {

			@Bean
			@ConditionalOnMissingBean
			JwtDecoder zitadelJwtDecoder(ZitadelProperties properties,
					ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
					ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
				String audience = audience(properties);
				logger.info("Checking users' JWT access tokens against the keys of " + issuer(properties)
						+ ", for the audience " + audience);
				RestTemplate restTemplate = restTemplate(properties, requestFactoryBuilder, httpClientSettings,
						sslBundles);
				return ZitadelJwtDecoders.jwtDecoder(issuer(properties), audience, restTemplate);
			}

			@Bean
			@ConditionalOnMissingBean
			JwtAuthenticationConverter zitadelJwtAuthenticationConverter(ZitadelProperties properties) {
				return ZitadelAuthenticationConverters.jwt(authorities(properties));
			}

		}

		@Configuration(proxyBeanMethods = false)
		@Conditional(OnResourceServerCondition.Introspection.class)
		static class IntrospectionConfiguration {

			@Bean
			@ConditionalOnMissingBean
			OpaqueTokenIntrospector zitadelOpaqueTokenIntrospector(ZitadelProperties properties,
					ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
					ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles,
					ObjectProvider<IntrospectionObserver> observer) {
				String audience = audience(properties);
				IntrospectionClientAuthentication authentication = clientAuthentication(properties);
				RestTemplate restTemplate = restTemplate(properties, requestFactoryBuilder, httpClientSettings,
						sslBundles);
				ZitadelOpaqueTokenIntrospector introspector = ZitadelOpaqueTokenIntrospector.create(issuer(properties),
						audience, authentication, restTemplate, introspectionSettings(properties), Clock.systemUTC());
				introspector.setObserver(observer.getIfAvailable(() -> IntrospectionObserver.NONE));
				return introspector;
			}

			@Bean
			@ConditionalOnMissingBean
			OpaqueTokenAuthenticationConverter zitadelOpaqueTokenAuthenticationConverter(
					ZitadelProperties properties) {
				return ZitadelAuthenticationConverters.opaqueToken(authorities(properties));
			}

		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(name = "org.springframework.boot.security.autoconfigure.web.servlet.ConditionalOnDefaultWebSecurity")
		static class WithBootSecurityConfiguration {

			/**
			 * Spring Boot's default security with ZITADEL's tokens, where Boot's would apply (as
			 * its {@code @ConditionalOnDefaultWebSecurity}: no security filter chain of the
			 * application's): every request authenticated, and a request that ZITADEL cannot
			 * check now answered 503, not 401.
			 */
			@Configuration(proxyBeanMethods = false)
			@ConditionalOnClass({ SecurityFilterChain.class, HttpSecurity.class })
			@ConditionalOnMissingBean(SecurityFilterChain.class)
			static class DefaultSecurityConfiguration {

				@Bean
				SecurityFilterChain zitadelResourceServerSecurityFilterChain(HttpSecurity http,
						ZitadelProperties properties) {
					boolean introspection = properties.getResourceServer().getIntrospection().isConfigured();
					http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
					http.oauth2ResourceServer((resourceServer) -> {
						if (introspection) {
							resourceServer.opaqueToken(Customizer.withDefaults());
						}
						else {
							resourceServer.jwt(Customizer.withDefaults());
						}
						resourceServer.withObjectPostProcessor(ZitadelBearerTokenFailureHandler.postProcessor());
					});
					return http.build();
				}

			}

		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass(WebClient.class)
	static class ReactiveConfiguration {

		static WebClient webClient(ZitadelProperties properties,
				ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
				ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
			return WebClient.builder()
				.clientConnector(ZitadelHttpClientSettings.connectorBuilder(connectorBuilder)
					.build(httpClientSettings(properties, httpClientSettings, sslBundles)))
				.build();
		}

		@Configuration(proxyBeanMethods = false)
		@Conditional(OnResourceServerCondition.Jwt.class)
		static class JwtConfiguration {

			@Bean
			@ConditionalOnMissingBean
			ReactiveJwtDecoder zitadelReactiveJwtDecoder(ZitadelProperties properties,
					ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
					ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
				String audience = audience(properties);
				logger.info("Checking users' JWT access tokens against the keys of " + issuer(properties)
						+ ", for the audience " + audience);
				return ZitadelJwtDecoders.reactiveJwtDecoder(issuer(properties), audience,
						webClient(properties, connectorBuilder, httpClientSettings, sslBundles));
			}

			@Bean
			@ConditionalOnMissingBean
			ReactiveJwtAuthenticationConverter zitadelReactiveJwtAuthenticationConverter(ZitadelProperties properties) {
				return ZitadelAuthenticationConverters.reactiveJwt(authorities(properties));
			}

		}

		@Configuration(proxyBeanMethods = false)
		@Conditional(OnResourceServerCondition.Introspection.class)
		static class IntrospectionConfiguration {

			@Bean
			@ConditionalOnMissingBean
			ReactiveOpaqueTokenIntrospector zitadelReactiveOpaqueTokenIntrospector(ZitadelProperties properties,
					ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
					ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles,
					ObjectProvider<IntrospectionObserver> observer) {
				String audience = audience(properties);
				IntrospectionClientAuthentication authentication = clientAuthentication(properties);
				ZitadelReactiveOpaqueTokenIntrospector introspector = new ZitadelReactiveOpaqueTokenIntrospector(
						issuer(properties), audience, authentication,
						webClient(properties, connectorBuilder, httpClientSettings, sslBundles),
						introspectionSettings(properties), Clock.systemUTC());
				introspector.setObserver(observer.getIfAvailable(() -> IntrospectionObserver.NONE));
				return introspector;
			}

			@Bean
			@ConditionalOnMissingBean
			ReactiveOpaqueTokenAuthenticationConverter zitadelReactiveOpaqueTokenAuthenticationConverter(
					ZitadelProperties properties) {
				return ZitadelAuthenticationConverters.reactiveOpaqueToken(authorities(properties));
			}

		}

	}

}
