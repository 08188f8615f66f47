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
import io.github.zitadelstarter.restclient.ZitadelClientHttpRequestInterceptor;
import io.github.zitadelstarter.token.ZitadelRequestHeaders;
import io.github.zitadelstarter.token.ZitadelTokenSource;
import io.github.zitadelstarter.webclient.ZitadelExchangeFilterFunction;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.client.JwtBearerOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.JwtBearerReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer;

/**
 * Auto-configuration that lets the application call ZITADEL's APIs as a service user:
 * the service user's key, the JWT-bearer grant registered with Spring Security's OAuth2
 * client under the id {@value ZitadelTokenSource#REGISTRATION_ID}, the token source, a
 * ready {@code zitadelWebClient} (with WebFlux) and {@code zitadelRestClient}, and HTTP
 * interface clients of the group {@value #HTTP_SERVICE_GROUP}.
 *
 * <p>
 * Applies when {@code zitadel.issuer} or a service user key is configured, unless
 * {@code zitadel.enabled=false}. It never secures the application itself.
 */
@AutoConfiguration(afterName = "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration")
@Conditional(OnZitadelConfiguredCondition.class)
@EnableConfigurationProperties(ZitadelProperties.class)
public final class ZitadelAutoConfiguration {

	/** The scopes without which ZITADEL's own APIs refuse the token. */
	static final List<String> REQUIRED_SCOPES = List.of("openid", "urn:zitadel:iam:org:project:id:zitadel:aud");

	/**
	 * The HTTP service group whose clients call ZITADEL as the service user, as in
	 * {@code @ImportHttpServices(group = "zitadel", types = ...)}.
	 */
	public static final String HTTP_SERVICE_GROUP = "zitadel";

	/**
	 * Before Boot's configurer of {@code spring.http.serviceclient.*}, so that a base URL set
	 * there wins over the issuer.
	 */
	static final int GROUP_CONFIGURER_ORDER = Ordered.HIGHEST_PRECEDENCE;

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
		logger.info("Calling ZITADEL at " + issuer + " as service user " + key.getUserId() + " with key "
				+ key.getKeyId());
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
	@ConditionalOnMissingBean(name = "zitadelClientRegistration")
	ClientRegistration zitadelClientRegistration(ServiceUserKey key, ZitadelProperties properties) {
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

	@Bean
	@ConditionalOnMissingBean(name = "zitadelAuthorizedClientProvider")
	OAuth2AuthorizedClientProvider zitadelAuthorizedClientProvider(ZitadelProperties properties) {
		JwtBearerOAuth2AuthorizedClientProvider provider = new JwtBearerOAuth2AuthorizedClientProvider();
		provider.setJwtAssertionResolver(JwtBearerTokenFetcher.assertionResolver());
		provider.setAccessTokenResponseClient(
				TokenResponseClients.jwtBearer(httpSettings(properties), Clock.systemUTC()));
		return provider;
	}

	@Bean
	@ConditionalOnMissingBean
	ZitadelTokenSource zitadelTokenSource(AccessTokenFetcher fetcher, ZitadelProperties properties,
			ObjectProvider<TokenAcquisitionObserver> observer) {
		ZitadelProperties.Retry retry = properties.getToken().getRetry();
		TokenRequestRetry retryPolicy = new TokenRequestRetry(retry.getMaxAttempts(),
				retry.getRejectedAssertionAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff(),
				retry.getMaxElapsed());
		ZitadelTokenSource tokenSource = new ZitadelTokenSource(fetcher, retryPolicy, Clock.systemUTC());
		observer.ifAvailable(tokenSource::setObserver);
		return tokenSource;
	}

	@Bean
	@ConditionalOnMissingBean
	ZitadelRequestHeaders zitadelRequestHeaders(ZitadelProperties properties) {
		return new ZitadelRequestHeaders(properties.getOrganizationId());
	}

	static HttpClientSettings httpSettings(ZitadelProperties properties) {
		return HttpClientSettings.defaults()
			.withTimeouts(properties.getToken().getConnectTimeout(), properties.getToken().getReadTimeout());
	}

	/** Decided from the name alone: startup makes no network call, not even DNS. */
	private static boolean isLoopback(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		return name.equals("localhost") || name.endsWith(".localhost") || name.startsWith("127.")
				|| name.equals("[::1]") || name.equals("::1");
	}

	/** Without WebFlux, tokens are fetched through the blocking provider. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.web.reactive.function.client.WebClient")
	static class BlockingTokenFetcherConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AccessTokenFetcher zitadelAccessTokenFetcher(ClientRegistration zitadelClientRegistration,
				ServiceUserAssertionSigner signer, OAuth2AuthorizedClientProvider zitadelAuthorizedClientProvider) {
			return JwtBearerTokenFetcher.blocking(zitadelClientRegistration, signer, zitadelAuthorizedClientProvider);
		}

	}

	/** With WebFlux, tokens are fetched without blocking, and a ready WebClient is offered. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebClient.class)
	static class WebClientConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "zitadelReactiveAuthorizedClientProvider")
		ReactiveOAuth2AuthorizedClientProvider zitadelReactiveAuthorizedClientProvider(ZitadelProperties properties) {
			var provider = new JwtBearerReactiveOAuth2AuthorizedClientProvider();
			provider.setJwtAssertionResolver(JwtBearerTokenFetcher.reactiveAssertionResolver());
			provider.setAccessTokenResponseClient(
					ReactiveTokenResponseClients.jwtBearer(httpSettings(properties), Clock.systemUTC()));
			return provider;
		}

		@Bean
		@ConditionalOnMissingBean
		AccessTokenFetcher zitadelAccessTokenFetcher(ClientRegistration zitadelClientRegistration,
				ServiceUserAssertionSigner signer,
				ReactiveOAuth2AuthorizedClientProvider zitadelReactiveAuthorizedClientProvider) {
			return JwtBearerTokenFetcher.reactive(zitadelClientRegistration, signer,
					zitadelReactiveAuthorizedClientProvider);
		}

		@Bean
		@ConditionalOnMissingBean
		ZitadelExchangeFilterFunction zitadelExchangeFilterFunction(ZitadelTokenSource tokenSource,
				ZitadelRequestHeaders headers) {
			return new ZitadelExchangeFilterFunction(tokenSource, headers);
		}

		@Bean
		@ConditionalOnMissingBean(name = "zitadelWebClient")
		WebClient zitadelWebClient(ObjectProvider<WebClient.Builder> builder, ZitadelExchangeFilterFunction filter,
				ZitadelProperties properties) {
			return builder.getIfAvailable(WebClient::builder)
				.baseUrl(ZitadelUrls.base(properties.issuerUri()))
				.filter(filter)
				.build();
		}

		/** HTTP interface clients of the group {@value #HTTP_SERVICE_GROUP} backed by WebClient. */
		@Bean
		WebClientHttpServiceGroupConfigurer zitadelWebClientHttpServiceGroupConfigurer(
				ZitadelExchangeFilterFunction filter, ZitadelProperties properties) {
			String baseUrl = ZitadelUrls.base(properties.issuerUri());
			return new WebClientHttpServiceGroupConfigurer() {

				@Override
				public void configureGroups(Groups<WebClient.Builder> groups) {
					groups.filterByName(HTTP_SERVICE_GROUP)
						.forEachClient((group, builder) -> builder.baseUrl(baseUrl).filter(filter));
				}

				@Override
				public int getOrder() {
					return GROUP_CONFIGURER_ORDER;
				}

			};
		}

	}

	/** A ready RestClient and HTTP interface clients, for servlet and plain applications. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClient.class)
	static class RestClientConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ZitadelClientHttpRequestInterceptor zitadelClientHttpRequestInterceptor(ZitadelTokenSource tokenSource,
				ZitadelRequestHeaders headers) {
			return new ZitadelClientHttpRequestInterceptor(tokenSource, headers);
		}

		@Bean
		@ConditionalOnMissingBean(name = "zitadelRestClient")
		RestClient zitadelRestClient(ObjectProvider<RestClient.Builder> builder,
				ZitadelClientHttpRequestInterceptor interceptor, ZitadelProperties properties) {
			return builder.getIfAvailable(RestClient::builder)
				.baseUrl(ZitadelUrls.base(properties.issuerUri()))
				.requestInterceptor(interceptor)
				.build();
		}

		/** HTTP interface clients of the group {@value #HTTP_SERVICE_GROUP} backed by RestClient. */
		@Bean
		RestClientHttpServiceGroupConfigurer zitadelRestClientHttpServiceGroupConfigurer(
				ZitadelClientHttpRequestInterceptor interceptor, ZitadelProperties properties) {
			String baseUrl = ZitadelUrls.base(properties.issuerUri());
			return new RestClientHttpServiceGroupConfigurer() {

				@Override
				public void configureGroups(Groups<RestClient.Builder> groups) {
					groups.filterByName(HTTP_SERVICE_GROUP)
						.forEachClient((group, builder) -> builder.baseUrl(baseUrl).requestInterceptor(interceptor));
				}

				@Override
				public int getOrder() {
					return GROUP_CONFIGURER_ORDER;
				}

			};
		}

	}

}
