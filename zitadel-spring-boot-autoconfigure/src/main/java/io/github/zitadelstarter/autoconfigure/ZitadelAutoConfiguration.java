package io.github.zitadelstarter.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;

import io.github.zitadelstarter.assertion.ServiceUserAssertionSigner;
import io.github.zitadelstarter.assertion.ZitadelClock;
import io.github.zitadelstarter.key.ServiceUserKey;
import io.github.zitadelstarter.key.ServiceUserKeyFile;
import io.github.zitadelstarter.token.AccessTokenFetcher;
import io.github.zitadelstarter.token.TokenAcquisitionObserver;
import io.github.zitadelstarter.token.TokenRequestRetry;
import io.github.zitadelstarter.token.ZitadelOrigins;
import io.github.zitadelstarter.token.ZitadelRequestHeaders;
import io.github.zitadelstarter.token.ZitadelTokenSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
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
import org.springframework.core.io.Resource;
import org.springframework.util.Assert;

/**
 * Auto-configuration of the service user's access tokens: the credential (a JSON key, a
 * client secret or a personal access token), the assertion signer, the token requests
 * (through Spring Security's authorized client providers and token response clients) and
 * the {@link ZitadelTokenSource} that every transport asks for tokens.
 *
 * <p>
 * Applies when {@code zitadel.issuer} or a service user credential is configured, unless
 * {@code zitadel.enabled=false}. It never secures the application itself, and the Spring
 * Security objects it uses stay inside its own beans: an application's OAuth2 client setup,
 * a registration named {@code zitadel} included, is left exactly as it is.
 */
@AutoConfiguration(afterName = "org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration")
@Conditional(OnServiceUserCondition.class)
@EnableConfigurationProperties(ZitadelProperties.class)
public final class ZitadelAutoConfiguration {

	private static final Log logger = LogFactory.getLog(ZitadelAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnJwtKeyCredentialCondition.class)
	ServiceUserKey zitadelServiceUserKey(ZitadelProperties properties) {
		ServiceUserCredential.of(properties.getServiceUser(), false);
		Instant now = Clock.systemUTC().instant();
		ServiceUserKey key = ServiceUserKeyLoader.load(properties.getServiceUser(), now);
		if (key.isExpiredAt(now.plus(properties.getServiceUser().getKeyExpiryWarning()))) {
			logger.warn("The service user key " + key.getKeyId() + " expires at " + key.getExpirationDate()
					+ ", after which ZITADEL refuses it. Add a new JSON key to the service user and configure it "
					+ "before then.");
		}
		return key;
	}

	/** ZITADEL's clock, learned from its answers; a {@link Clock}, so reached by name only. */
	@Bean(defaultCandidate = false)
	@ConditionalOnMissingBean(name = "zitadelClock")
	ZitadelClock zitadelClock(ZitadelProperties properties) {
		return new ZitadelClock(Clock.systemUTC(), properties.getAssertion().getClockSkew());
	}

	/**
	 * The key file, checked for a replacement (a rotated Kubernetes secret) in the
	 * background; a {@link java.util.function.Supplier}, so reached by name only.
	 */
	@Bean(defaultCandidate = false)
	@ConditionalOnMissingBean(name = "zitadelServiceUserKeyFile")
	@ConditionalOnBean(ServiceUserKey.class)
	@Conditional(OnKeyFileCondition.class)
	ServiceUserKeyFile zitadelServiceUserKeyFile(ServiceUserKey key, ZitadelProperties properties) throws IOException {
		Resource keyFile = properties.getServiceUser().getKeyFile();
		Assert.state(keyFile != null, "zitadel.service-user.key-file is set");
		return new ServiceUserKeyFile(keyFile.getFile().toPath(), key,
				properties.getServiceUser().getKeyFileCheckInterval(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(ServiceUserKey.class)
	ServiceUserAssertionSigner zitadelAssertionSigner(ServiceUserKey key,
			@Qualifier("zitadelServiceUserKeyFile") ObjectProvider<ServiceUserKeyFile> keyFile,
			ZitadelProperties properties, @Qualifier("zitadelClock") ZitadelClock zitadelClock) {
		ServiceUserKeyFile watched = keyFile.getIfAvailable();
		Supplier<ServiceUserKey> keyInUse = (watched != null) ? watched : () -> key;
		return new ServiceUserAssertionSigner(keyInUse, ZitadelUrls.audience(properties.issuerUri()),
				properties.getAssertion().getLifetime(), properties.getAssertion().getClockSkew(), zitadelClock);
	}

	@Bean
	@ConditionalOnMissingBean
	ZitadelTokenSource zitadelTokenSource(AccessTokenFetcher fetcher, ZitadelProperties properties,
			ObjectProvider<TokenAcquisitionObserver> observer) {
		ZitadelProperties.Retry retry = properties.getToken().getRetry();
		TokenRequestRetry retryPolicy = new TokenRequestRetry(retry.getMaxAttempts(),
				retry.getRejectedAssertionAttempts(), retry.getInitialBackoff(), retry.getMaxBackoff(),
				retry.getMaxElapsed());
		ZitadelTokenSource.Settings settings = new ZitadelTokenSource.Settings(properties.getToken().maxAcquisition(),
				properties.getToken().getMaxWait(), retry.getCoolDown(), retry.getMaxCoolDown(),
				retry.getMaxRetryAfter());
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
	 * The credential in use, checked, with one INFO line on who calls ZITADEL (never a
	 * secret) and a warning when tokens would travel in clear text.
	 */
	static ServiceUserCredential credential(ZitadelProperties properties,
			@Nullable ServiceUserAssertionSigner signer) {
		ServiceUserCredential credential = ServiceUserCredential.of(properties.getServiceUser(), signer != null);
		URI issuer = properties.issuerUri();
		String who = switch (credential) {
			case JWT_KEY -> {
				Assert.state(signer != null, "A service user key is configured but there is no assertion signer");
				yield "service user " + signer.getKey().getUserId() + " with key " + signer.getKey().getKeyId();
			}
			case CLIENT_SECRET -> "client " + properties.getServiceUser().getClientId() + " with a client secret";
			case PERSONAL_ACCESS_TOKEN -> "the service user of a personal access token";
		};
		logger.info("Calling ZITADEL at " + ZitadelUrls.base(issuer) + " as " + who);
		if ("http".equalsIgnoreCase(issuer.getScheme()) && !isLoopback(issuer.getHost())) {
			logger.warn("zitadel.issuer " + issuer + " uses plain http: access tokens would travel in clear text. "
					+ "Use https for any ZITADEL that is not on this machine.");
		}
		return credential;
	}

	/** Decided from the name alone: startup makes no network call, not even DNS. */
	private static boolean isLoopback(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		return name.equals("localhost") || name.endsWith(".localhost") || name.startsWith("127.")
				|| name.equals("[::1]") || name.equals("::1");
	}

	/** Without WebFlux, tokens are fetched through Spring Security's blocking providers. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.web.reactive.function.client.WebClient")
	static class BlockingTokenFetcherConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AccessTokenFetcher zitadelAccessTokenFetcher(ZitadelProperties properties,
				ObjectProvider<ServiceUserAssertionSigner> signer, @Qualifier("zitadelClock") ZitadelClock zitadelClock,
				ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
				ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
			ServiceUserAssertionSigner assertionSigner = signer.getIfAvailable();
			return ZitadelTokenFetchers.blocking(credential(properties, assertionSigner), properties, assertionSigner,
					zitadelClock, ZitadelHttpClientSettings.requestFactoryBuilder(requestFactoryBuilder),
					ZitadelHttpClientSettings.token(properties, httpClientSettings, sslBundles));
		}

	}

	/** With WebFlux, tokens are fetched without blocking a thread. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.web.reactive.function.client.WebClient")
	static class ReactiveTokenFetcherConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AccessTokenFetcher zitadelAccessTokenFetcher(ZitadelProperties properties,
				ObjectProvider<ServiceUserAssertionSigner> signer, @Qualifier("zitadelClock") ZitadelClock zitadelClock,
				ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
				ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
			ServiceUserAssertionSigner assertionSigner = signer.getIfAvailable();
			return ZitadelTokenFetchers.reactive(credential(properties, assertionSigner), properties, assertionSigner,
					zitadelClock, ZitadelHttpClientSettings.connectorBuilder(connectorBuilder),
					ZitadelHttpClientSettings.token(properties, httpClientSettings, sslBundles));
		}

	}

}
