package io.github.zitadelstarter.autoconfigure;

import io.github.zitadelstarter.restclient.ZitadelClientHttpRequestInterceptor;
import io.github.zitadelstarter.token.ZitadelOrigins;
import io.github.zitadelstarter.token.ZitadelRequestHeaders;
import io.github.zitadelstarter.token.ZitadelTokenSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.HttpClientProperties;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;

/**
 * Auto-configuration of the {@code zitadelRestClient}, the
 * {@link ZitadelClientHttpRequestInterceptor} and RestClient-backed HTTP interface clients of
 * the group {@value ZitadelHttpServiceGroups#NAME}, for servlet and plain applications. The
 * client is reached by name only ({@code @Qualifier("zitadelRestClient")}): an application
 * that injects a {@link RestClient} by type keeps getting its own.
 */
@AutoConfiguration(after = ZitadelAutoConfiguration.class,
		afterName = "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration")
@ConditionalOnClass(RestClient.class)
@ConditionalOnBean(ZitadelTokenSource.class)
public final class ZitadelRestClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ZitadelClientHttpRequestInterceptor zitadelClientHttpRequestInterceptor(ZitadelTokenSource tokenSource,
			ZitadelRequestHeaders headers, ZitadelOrigins origins) {
		return new ZitadelClientHttpRequestInterceptor(tokenSource, headers, origins);
	}

	@Bean(defaultCandidate = false)
	@ConditionalOnMissingBean(name = "zitadelRestClient")
	RestClient zitadelRestClient(ObjectProvider<RestClient.Builder> builder,
			ZitadelClientHttpRequestInterceptor interceptor, ZitadelProperties properties,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
		return builder.getIfAvailable(RestClient::builder)
			.requestFactory(requestFactory(properties, requestFactoryBuilder, httpClientSettings, sslBundles))
			.baseUrl(ZitadelUrls.base(properties.issuerUri()))
			.requestInterceptor(interceptor)
			.build();
	}

	@Bean
	RestClientHttpServiceGroupConfigurer zitadelRestClientHttpServiceGroupConfigurer(
			ZitadelClientHttpRequestInterceptor interceptor, ZitadelProperties properties,
			ObjectProvider<HttpServiceClientProperties> serviceClientProperties,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
		return new RestClientHttpServiceGroupConfigurer() {

			@Override
			public void configureGroups(Groups<RestClient.Builder> groups) {
				groups.filterByName(ZitadelHttpServiceGroups.NAME).forEachClient((zitadel, builder) -> {
					HttpClientProperties group = ZitadelHttpServiceGroups.properties(serviceClientProperties);
					builder
						.requestFactory(ZitadelHttpClientSettings.requestFactoryBuilder(requestFactoryBuilder)
							.build(ZitadelHttpClientSettings.group(properties, group, httpClientSettings, sslBundles)))
						.baseUrl(ZitadelHttpServiceGroups.baseUrl(group, properties))
						.requestInterceptor(interceptor);
				});
			}

			@Override
			public int getOrder() {
				return ZitadelHttpServiceGroups.CONFIGURER_ORDER;
			}

		};
	}

	private static ClientHttpRequestFactory requestFactory(ZitadelProperties properties,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
		return ZitadelHttpClientSettings.requestFactoryBuilder(requestFactoryBuilder)
			.build(ZitadelHttpClientSettings.api(properties, httpClientSettings, sslBundles));
	}

}
