package io.github.zitadelstarter.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.autoconfigure.HttpClientProperties;
import org.springframework.boot.http.client.autoconfigure.HttpClientSettingsPropertyMapper;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.StringUtils;

/**
 * The HTTP client settings of every request to ZITADEL: the application's own
 * ({@code spring.http.clients.*}, through Boot's {@link HttpClientSettings} bean), with the
 * SSL bundle of {@code zitadel.ssl.bundle} and redirects never followed, so that neither an
 * assertion nor an access token is carried to another origin.
 */
final class ZitadelHttpClientSettings {

	private ZitadelHttpClientSettings() {
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
