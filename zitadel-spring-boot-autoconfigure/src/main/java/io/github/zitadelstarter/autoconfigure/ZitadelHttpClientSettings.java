package io.github.zitadelstarter.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.autoconfigure.HttpClientProperties;
import org.springframework.boot.http.client.autoconfigure.HttpClientSettingsPropertyMapper;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.HttpComponentsClientHttpConnectorBuilder;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.StringUtils;

/**
 * The HTTP clients of every request to ZITADEL: the application's own builder and settings
 * ({@code spring.http.clients.*}, through Boot's {@link HttpClientSettings} bean), with the
 * SSL bundle of {@code zitadel.ssl.bundle}, redirects never followed, so that neither an
 * assertion nor an access token is carried to another origin, and no retries of the client's
 * own, so that ZITADEL's answers reach the starter's retries and failure memory.
 */
final class ZitadelHttpClientSettings {

	private ZitadelHttpClientSettings() {
	}

	/**
	 * The application's request factory builder, else the one Boot detects. Apache HttpClient's
	 * default retry strategy would answer a 429 or 503 by sleeping the whole {@code Retry-After}
	 * (an hour, if ZITADEL says so) and asking again, out of the starter's sight: it is off.
	 */
	static ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder(
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> applicationBuilder) {
		ClientHttpRequestFactoryBuilder<?> builder = applicationBuilder.getIfAvailable(ClientHttpRequestFactoryBuilder::detect);
		return (builder instanceof HttpComponentsClientHttpRequestFactoryBuilder httpComponents)
				? httpComponents.withHttpClientCustomizer(HttpClientBuilder::disableAutomaticRetries) : builder;
	}

	/**
	 * The application's connector builder, else the one Boot detects, without Apache
	 * HttpClient's own retries (see {@link #requestFactoryBuilder(ObjectProvider)}).
	 */
	static ClientHttpConnectorBuilder<?> connectorBuilder(ObjectProvider<ClientHttpConnectorBuilder<?>> applicationBuilder) {
		ClientHttpConnectorBuilder<?> builder = applicationBuilder.getIfAvailable(ClientHttpConnectorBuilder::detect);
		return (builder instanceof HttpComponentsClientHttpConnectorBuilder httpComponents)
				? httpComponents.withHttpClientCustomizer(HttpAsyncClientBuilder::disableAutomaticRetries) : builder;
	}

	/** The settings of API calls. */
	static HttpClientSettings api(ZitadelProperties properties, ObjectProvider<HttpClientSettings> applicationSettings,
			ObjectProvider<SslBundles> sslBundles) {
		return withZitadelRules(applicationSettings.getIfAvailable(HttpClientSettings::defaults), properties, sslBundles);
	}

	/**
	 * The settings of the HTTP service group's calls: those Boot gives the group
	 * ({@code spring.http.serviceclient.zitadel.*} over the application's own), with the SSL
	 * bundle of {@code zitadel.ssl.bundle} and redirects never followed.
	 */
	static HttpClientSettings group(ZitadelProperties properties, @Nullable HttpClientProperties group,
			ObjectProvider<HttpClientSettings> applicationSettings, ObjectProvider<SslBundles> sslBundles) {
		HttpClientSettings settings = new HttpClientSettingsPropertyMapper(sslBundles.getIfAvailable(),
				applicationSettings.getIfAvailable())
			.map(group);
		return withZitadelRules(settings, properties, sslBundles);
	}

	private static HttpClientSettings withZitadelRules(HttpClientSettings settings, ZitadelProperties properties,
			ObjectProvider<SslBundles> sslBundles) {
		String bundle = properties.getSsl().getBundle();
		if (StringUtils.hasText(bundle)) {
			settings = settings.withSslBundle(sslBundle(bundle, sslBundles));
		}
		return settings.withRedirects(HttpRedirects.DONT_FOLLOW);
	}

	/** The settings of token requests: those of API calls, with the token request's timeouts. */
	static HttpClientSettings token(ZitadelProperties properties, ObjectProvider<HttpClientSettings> applicationSettings,
			ObjectProvider<SslBundles> sslBundles) {
		return api(properties, applicationSettings, sslBundles)
			.withTimeouts(properties.getToken().getConnectTimeout(), properties.getToken().getReadTimeout());
	}

	private static SslBundle sslBundle(String name, ObjectProvider<SslBundles> sslBundles) {
		String action = "Define the bundle under spring.ssl.bundle.pem." + name + " (or spring.ssl.bundle.jks." + name
				+ "), for example with truststore.certificate set to your CA's certificate, or remove zitadel.ssl.bundle.";
		SslBundles bundles = sslBundles.getIfAvailable();
		if (bundles == null) {
			throw new InvalidZitadelConfigurationException("zitadel.ssl.bundle",
					"zitadel.ssl.bundle is '" + name + "', but the application has no SSL bundles", action);
		}
		try {
			return bundles.getBundle(name);
		}
		catch (NoSuchSslBundleException ex) {
			throw new InvalidZitadelConfigurationException("zitadel.ssl.bundle",
					"zitadel.ssl.bundle is '" + name + "', but there is no SSL bundle of that name", action, ex);
		}
	}

}
