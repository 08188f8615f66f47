package io.github.zitadelstarter.autoconfigure;

import io.github.zitadelstarter.token.ZitadelOrigins;
import io.github.zitadelstarter.token.ZitadelRequestHeaders;
import io.github.zitadelstarter.token.ZitadelTokenSource;
import io.github.zitadelstarter.webclient.ZitadelExchangeFilterFunction;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.HttpClientProperties;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientProperties;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.support.WebClientHttpServiceGroupConfigurer;

/**
 * Auto-configuration of the {@code zitadelWebClient}, the {@link ZitadelExchangeFilterFunction}
 * and WebClient-backed HTTP interface clients of the group
 * {@value ZitadelHttpServiceGroups#NAME}. The client is reached by name only
 * ({@code @Qualifier("zitadelWebClient")}): an application that injects a {@link WebClient}
 * by type keeps getting its own.
 */
@AutoConfiguration(after = ZitadelAutoConfiguration.class,
		afterName = "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration")
@ConditionalOnClass(WebClient.class)
@ConditionalOnBean(ZitadelTokenSource.class)
public final class ZitadelWebClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ZitadelExchangeFilterFunction zitadelExchangeFilterFunction(ZitadelTokenSource tokenSource,
			ZitadelRequestHeaders headers, ZitadelOrigins origins) {
		return new ZitadelExchangeFilterFunction(tokenSource, headers, origins);
	}

	@Bean(defaultCandidate = false)
	@ConditionalOnMissingBean(name = "zitadelWebClient")
	WebClient zitadelWebClient(ObjectProvider<WebClient.Builder> builder, ZitadelExchangeFilterFunction filter,
			ZitadelProperties properties, ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
		return builder.getIfAvailable(WebClient::builder)
			.clientConnector(connector(properties, connectorBuilder, httpClientSettings, sslBundles))
			.baseUrl(ZitadelUrls.base(properties.issuerUri()))
			.filter(filter)
			.build();
	}

	@Bean
	WebClientHttpServiceGroupConfigurer zitadelWebClientHttpServiceGroupConfigurer(ZitadelExchangeFilterFunction filter,
			ZitadelProperties properties, ObjectProvider<HttpServiceClientProperties> serviceClientProperties,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
		return new WebClientHttpServiceGroupConfigurer() {

			@Override
			public void configureGroups(Groups<WebClient.Builder> groups) {
				groups.filterByName(ZitadelHttpServiceGroups.NAME).forEachClient((zitadel, builder) -> {
					HttpClientProperties group = ZitadelHttpServiceGroups.properties(serviceClientProperties);
					builder
						.clientConnector(ZitadelHttpClientSettings.connectorBuilder(connectorBuilder)
							.build(ZitadelHttpClientSettings.group(properties, group, httpClientSettings, sslBundles)))
						.baseUrl(ZitadelHttpServiceGroups.baseUrl(group, properties))
						.filter(filter);
				});
			}

			@Override
			public int getOrder() {
				return ZitadelHttpServiceGroups.CONFIGURER_ORDER;
			}

		};
	}

	private static ClientHttpConnector connector(ZitadelProperties properties,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder,
			ObjectProvider<HttpClientSettings> httpClientSettings, ObjectProvider<SslBundles> sslBundles) {
		return ZitadelHttpClientSettings.connectorBuilder(connectorBuilder)
			.build(ZitadelHttpClientSettings.api(properties, httpClientSettings, sslBundles));
	}

}
