package io.github.zitadelstarter.autoconfigure;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.github.zitadelstarter.assertion.ServiceUserAssertionSigner;
import io.github.zitadelstarter.key.ServiceUserKey;
import io.github.zitadelstarter.token.AccessTokenFetcher;
import io.github.zitadelstarter.token.JwtBearerTokenFetcher;
import io.github.zitadelstarter.token.ReactiveTokenResponseClients;
import io.github.zitadelstarter.token.TokenAcquisitionObserver;
import io.github.zitadelstarter.token.TokenRequestRetry;
import io.github.zitadelstarter.token.TokenResponseClients;
import io.github.zitadelstarter.token.ZitadelOrigins;
import io.github.zitadelstarter.token.ZitadelRequestHeaders;
import io.github.zitadelstarter.token.ZitadelTokenSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.JwtBearerOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.JwtBearerReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * Auto-configuration of the service user's access tokens: the key, the assertion signer, the
 * token requests (through Spring Security's JWT-bearer provider and token response client)
 * and the {@link ZitadelTokenSource} that every transport asks for tokens.
 *
 * <p>
 * Applies when {@code zitadel.issuer} or a service user key is configured, unless
 * {@code zitadel.enabled=false}. It never secures the application itself, and the Spring
 * Security objects it uses stay inside its own beans: an application's OAuth2 client setup,
 * a registration named {@code zitadel} included, is left exactly as it is.
 */
@AutoConfiguration(afterName = "org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration")
@Conditional(OnZitadelConfiguredCondition.class)
@EnableConfigurationProperties(ZitadelProperties.class)
public final class ZitadelAutoConfiguration {

	/** The scopes without which ZITADEL's own APIs refuse the token. */
	static final List<String> REQUIRED_SCOPES = List.of("openid", "urn:zitadel:iam:org:project:id:zitadel:aud");

	private static final Log logger = LogFactory.getLog(ZitadelAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	ServiceUserKey zitadelServiceUserKey(ZitadelProperties properties) {
		Instant now = Clock.systemUTC().instant();
		ServiceUserKey key = ServiceUserKeyLoader.load(properties.getServiceUser(), now);
		reportServiceUser(properties, key, now);
		return key;
	}

	/** One INFO line on who calls ZITADEL, and warnings about what will go wrong. */
	private static void reportServiceUser(ZitadelProperties properties, ServiceUserKey key, Instant now) {
		URI issuer = properties.issuerUri();
		logger.info("Calling ZITADEL at " + ZitadelUrls.base(issuer) + " as service user " + key.getUserId()
				+ " with key " + key.getKeyId());
		if (key.isExpiredAt(now.plus(properties.getServiceUser().getKeyExpiryWarning()))) {
			logger.warn("The service user key " + key.getKeyId() + " expires at " + key.getExpirationDate()
					+ ", after which ZITADEL refuses it. Add a new JSON key to the service user and configure it "
					+ "before then.");
		}
		if ("http".equalsIgnoreCase(issuer.getScheme()) && !isLoopback(issuer.getHost())) {
			logger.warn("zitadel.issuer " + issuer + " uses plain http: access tokens would travel in clear text. "
					+ "Use https for any ZITADEL that is not on this machine.");
		}
	}

	@Bean
	@ConditionalOnMissingBean
	ServiceUserAssertionSigner zitadelAssertionSigner(ServiceUserKey key, ZitadelProperties properties) {
		return new ServiceUserAssertionSigner(key, ZitadelUrls.audience(properties.issuerUri()),
				properties.getAssertion().getLifetime(), properties.getAssertion().getClockSkew(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	ZitadelTokenSource zitadelTokenSource(AccessTokenFetcher fetcher, ZitadelProperties properties,
			ObjectProvider<TokenAcquisitionObserver> observer) {
		ZitadelProperties.Retry retry = properties.getToken().getRetry();
		TokenRequestRetry retryPolicy = new TokenRequestRetry(retry.getMaxAttempts(),
				retry.getRejectedAssertionAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff(),
				retry.getMaxElapsed());
		ZitadelTokenSource.Settings settings = new ZitadelTokenSource.Settings(properties.getToken().maxWait(),
				retry.getCoolDown(), retry.getMaxCoolDown(), retry.getMaxRetryAfter());
		ZitadelTokenSource tokenSource = new ZitadelTokenSource(fetcher, retryPolicy, settings, Clock.systemUTC());
		observer.ifAvailable(tokenSource::setObserver);
		return tokenSource;
	}

	@Bean
	@ConditionalOnMissingBean
	ZitadelRequestHeaders zitadelRequestHeaders(ZitadelProperties properties) {
		return new ZitadelRequestHeaders(properties.getOrganizationId());
	}

	@Bean
	@ConditionalOnMissingBean
	ZitadelOrigins zitadelOrigins(ZitadelProperties properties) {
		return new ZitadelOrigins(properties.issuerUri(), properties.getApiOrigins());
	}

	/**
	 * The registration of the service user's grant. Deliberately not a bean: Spring Security
	 * and Boot would mistake it for part of the application's own OAuth2 client setup.
	 */
	static ClientRegistration clientRegistration(ServiceUserKey key, ZitadelProperties properties) {
		Set<String> scopes = new LinkedHashSet<>(REQUIRED_SCOPES);
		scopes.addAll(properties.getScopes());
		return ClientRegistration.withRegistrationId(ZitadelTokenSource.REGISTRATION_ID)
			.authorizationGrantType(AuthorizationGrantType.JWT_BEARER)
			.clientId(key.getUserId())
			.clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
			.tokenUri(ZitadelUrls.tokenEndpoint(properties).toString())
			.issuerUri(ZitadelUrls.base(properties.issuerUri()))
			.scope(scopes)
			.build();
	}

	/** Decided from the name alone: startup makes no network call, not even DNS. */
	private static boolean isLoopback(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		return name.equals("localhost") || name.endsWith(".localhost") || name.startsWith("127.")
				|| name.equals("[::1]") || name.equals("::1");
	}

	/** Without WebFlux, tokens are fetched through Spring Security's blocking provider. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.web.reactive.function.client.WebClient")
	static class BlockingTokenFetcherConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AccessTokenFetcher zitadelAccessTokenFetcher(ServiceUserKey key, ServiceUserAssertionSigner signer,
				ZitadelProperties properties, ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
				ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
			JwtBearerOAuth2AuthorizedClientProvider provider = new JwtBearerOAuth2AuthorizedClientProvider();
			provider.setJwtAssertionResolver(JwtBearerTokenFetcher.assertionResolver());
			provider.setAccessTokenResponseClient(TokenResponseClients.jwtBearer(
					requestFactoryBuilder.getIfAvailable(ClientHttpRequestFactoryBuilder::detect),
					ZitadelHttpClientSettings.token(properties, httpClientSettings, sslBundles),
					properties.getToken().getDefaultLifetime(), Clock.systemUTC()));
			return JwtBearerTokenFetcher.blocking(clientRegistration(key, properties), signer, provider,
					properties.getToken().getTimeout());
		}

	}

	/** With WebFlux, tokens are fetched without blocking a thread. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.web.reactive.function.client.WebClient")
	static class ReactiveTokenFetcherConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AccessTokenFetcher zitadelAccessTokenFetcher(ServiceUserKey key, ServiceUserAssertionSigner signer,
				ZitadelProperties properties, ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
				ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
			JwtBearerReactiveOAuth2AuthorizedClientProvider provider = new JwtBearerReactiveOAuth2AuthorizedClientProvider();
			provider.setJwtAssertionResolver(JwtBearerTokenFetcher.reactiveAssertionResolver());
			provider.setAccessTokenResponseClient(ReactiveTokenResponseClients.jwtBearer(
					connectorBuilder.getIfAvailable(ClientHttpConnectorBuilder::detect),
					ZitadelHttpClientSettings.token(properties, httpClientSettings, sslBundles),
					properties.getToken().getDefaultLifetime(), Clock.systemUTC()));
			return JwtBearerTokenFetcher.reactive(clientRegistration(key, properties), signer, provider,
					properties.getToken().getTimeout());
		}

	}

}
