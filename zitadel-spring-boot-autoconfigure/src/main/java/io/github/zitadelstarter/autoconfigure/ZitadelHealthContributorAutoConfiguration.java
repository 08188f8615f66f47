package io.github.zitadelstarter.autoconfigure;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

import io.github.zitadelstarter.assertion.ServiceUserAssertionSigner;
import io.github.zitadelstarter.assertion.ZitadelClock;
import io.github.zitadelstarter.health.ZitadelHealthIndicator;
import io.github.zitadelstarter.health.ZitadelHealthIndicator.CredentialDetails;
import io.github.zitadelstarter.health.ZitadelResourceServerHealthIndicator;
import io.github.zitadelstarter.key.ServiceUserKey;
import io.github.zitadelstarter.key.ServiceUserKeyFile;
import io.github.zitadelstarter.token.ZitadelTokenSource;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the {@code zitadel} health contributor, switched by
 * {@code management.health.zitadel.enabled}. Its probe calls ZITADEL through the starter's
 * own client, so that the call is authenticated and its outcome recorded like any other. An
 * application that checks its users' tokens gets the check of its JWKS or introspection
 * too, with or without a service user.
 */
@AutoConfiguration(after = { ZitadelAutoConfiguration.class, ZitadelWebClientAutoConfiguration.class,
		ZitadelRestClientAutoConfiguration.class, ZitadelResourceServerAutoConfiguration.class })
@ConditionalOnClass(ReactiveHealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("zitadel")
@ImportRuntimeHints(ZitadelHealthContributorAutoConfiguration.ProbeRuntimeHints.class)
public final class ZitadelHealthContributorAutoConfiguration {

	private static final String WEB_CLIENT = "org.springframework.web.reactive.function.client.WebClient";

	/** The service user's health, with the resource server's when the application also checks users' tokens. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(ZitadelTokenSource.class)
	static class ServiceUserHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "zitadelHealthIndicator")
		ZitadelHealthIndicator zitadelHealthIndicator(ZitadelTokenSource tokenSource, ZitadelProperties properties,
				ObjectProvider<ServiceUserAssertionSigner> signer,
				@Qualifier("zitadelServiceUserKeyFile") ObjectProvider<ServiceUserKeyFile> keyFile,
				@Qualifier("zitadelClock") ZitadelClock zitadelClock, BeanFactory beanFactory,
				ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
				ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
			ZitadelProperties.Health health = properties.getHealth();
			return new ZitadelHealthIndicator(tokenSource,
					credentialDetails(properties, signer.getIfAvailable(), keyFile.getIfAvailable(), zitadelClock),
					probe(beanFactory, tokenSource, health.getProbePath()),
					new ZitadelHealthIndicator.Settings(ZitadelUrls.base(properties.issuerUri()), health.getTimeout(),
							health.getMaxAge()),
					Clock.systemUTC(), ResourceServerHealthChecks.of(beanFactory, properties, requestFactoryBuilder,
							httpClientSettings, sslBundles));
		}

	}

	/**
	 * An API that only checks its users' tokens, with no service user: the health of its
	 * JWKS or introspection alone, without a token of the service user's to probe.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(ZitadelTokenSource.class)
	@Conditional(OnResourceServerCondition.class)
	static class ResourceServerHealthConfiguration {

		/**
		 * None (a null bean, which the health endpoint passes over) when the application
		 * checks tokens with its own decoder or introspector: not the starter's to check.
		 */
		@Bean
		@ConditionalOnMissingBean(name = "zitadelHealthIndicator")
		@Nullable ZitadelResourceServerHealthIndicator zitadelHealthIndicator(ZitadelProperties properties,
				BeanFactory beanFactory, ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
				ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
			return ResourceServerHealthChecks.of(beanFactory, properties, requestFactoryBuilder, httpClientSettings,
					sslBundles);
		}

	}

	/** Ids and expiry of the credential in use, and the clock offset when it matters; never a secret. */
	private static CredentialDetails credentialDetails(ZitadelProperties properties,
			@Nullable ServiceUserAssertionSigner signer, @Nullable ServiceUserKeyFile keyFile, ZitadelClock zitadelClock) {
		CredentialDetails clock = (health, now) -> {
			if (!zitadelClock.getOffset().isZero()) {
				health.withDetail("clockOffset", zitadelClock.getOffset().toString());
			}
		};
		if (signer != null) {
			return (health, now) -> {
				describeKey(health, signer.getKey(), now.plus(properties.getServiceUser().getKeyExpiryWarning()));
				if (keyFile != null) {
					health.withDetail("keyLoadedAt", keyFile.getLoadedAt().toString());
					if (keyFile.getProblem() != null) {
						health.withDetail("keyFileProblem", keyFile.getProblem());
					}
				}
				clock.describe(health, now);
			};
		}
		String clientId = properties.getServiceUser().getClientId();
		if (clientId != null) {
			return (health, now) -> health.withDetail("credential", "client-secret").withDetail("clientId", clientId);
		}
		return (health, now) -> health.withDetail("credential", "personal-access-token");
	}

	private static void describeKey(Health.Builder health, ServiceUserKey key, Instant warnFrom) {
		health.withDetail("credential", "key")
			.withDetail("serviceUserId", key.getUserId())
			.withDetail("keyId", key.getKeyId());
		if (key.getExpirationDate() != null) {
			health.withDetail("keyExpiresAt", key.getExpirationDate().toString());
			if (key.isExpiredAt(warnFrom)) {
				health.withDetail("keyExpiresSoon", true);
			}
		}
	}

	private static Supplier<Mono<?>> probe(BeanFactory beanFactory, ZitadelTokenSource tokenSource, String path) {
		if (ClassUtils.isPresent(WEB_CLIENT, null) && beanFactory.containsBean("zitadelWebClient")) {
			return WebClientProbe.of(beanFactory, path);
		}
		if (beanFactory.containsBean("zitadelRestClient")) {
			return RestClientProbe.of(beanFactory, path);
		}
		return tokenSource::getToken;
	}

	/**
	 * The probe looks {@code WebClient} up by name at run time, which a native image answers
	 * only for a type registered for reflection.
	 */
	static class ProbeRuntimeHints implements RuntimeHintsRegistrar {

		@Override
		public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
			hints.reflection().registerType(TypeReference.of(WEB_CLIENT));
		}

	}

	/** Kept apart so that its types are loaded only with WebFlux present. */
	private static final class WebClientProbe {

		static Supplier<Mono<?>> of(BeanFactory beanFactory, String path) {
			WebClient client = beanFactory.getBean("zitadelWebClient", WebClient.class);
			return () -> client.get().uri(path).retrieve().toBodilessEntity();
		}

	}

	private static final class RestClientProbe {

		static Supplier<Mono<?>> of(BeanFactory beanFactory, String path) {
			RestClient client = beanFactory.getBean("zitadelRestClient", RestClient.class);
			return () -> Mono.fromCallable(() -> client.get().uri(path).retrieve().toBodilessEntity())
				.subscribeOn(Schedulers.boundedElastic());
		}

	}

}
