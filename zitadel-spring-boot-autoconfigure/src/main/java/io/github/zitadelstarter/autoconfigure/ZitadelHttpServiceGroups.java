package io.github.zitadelstarter.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.autoconfigure.HttpClientProperties;
import org.springframework.boot.http.client.autoconfigure.service.HttpServiceClientProperties;
import org.springframework.util.StringUtils;

/**
 * The HTTP service group whose clients call ZITADEL as the service user, as in
 * {@code @ImportHttpServices(group = "zitadel", types = ...)}.
 */
public final class ZitadelHttpServiceGroups {

	/** The group's name. */
	public static final String NAME = "zitadel";

	/**
	 * After Boot's configurers of the groups: the one of {@code spring.http.serviceclient.*}
	 * ({@code HIGHEST_PRECEDENCE} for WebClient, {@code HIGHEST_PRECEDENCE + 10} for
	 * RestClient) gives every group a request factory or connector of its own, and the one of
	 * the application's {@code RestClientCustomizer} and {@code WebClientCustomizer} beans
	 * ({@code 0}) may set one too. Run before them, the starter's was replaced, and with it
	 * {@code zitadel.ssl.bundle} and the refusal of redirects. So the starter's configurer
	 * comes after them and builds its request factory or connector from the group's
	 * properties itself, and sets the base URL that
	 * {@code spring.http.serviceclient.zitadel.base-url} names, if any. An application's own
	 * configurer ({@code LOWEST_PRECEDENCE} unless it says otherwise) still comes last.
	 */
	static final int CONFIGURER_ORDER = 1;

	private ZitadelHttpServiceGroups() {
	}

	/** The group's properties, {@code spring.http.serviceclient.zitadel.*}, if any. */
	static @Nullable HttpClientProperties properties(ObjectProvider<HttpServiceClientProperties> serviceClientProperties) {
		HttpServiceClientProperties all = serviceClientProperties.getIfAvailable();
		return (all != null) ? all.get(NAME) : null;
	}

	/** The group's base URL: {@code spring.http.serviceclient.zitadel.base-url}, else the issuer's. */
	static String baseUrl(@Nullable HttpClientProperties group, ZitadelProperties properties) {
		String baseUrl = (group != null) ? group.getBaseUrl() : null;
		return StringUtils.hasText(baseUrl) ? baseUrl : ZitadelUrls.base(properties.issuerUri());
	}

}
