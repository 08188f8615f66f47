package io.github.zitadelstarter.token;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.RestClientJwtBearerTokenResponseClient;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;

/**
 * Spring Security's blocking JWT-bearer token response client, set up for ZITADEL: with
 * connect and read timeouts, and with error answers that keep their HTTP status and
 * {@code Retry-After}.
 */
public final class TokenResponseClients {

	private TokenResponseClients() {
	}

	/**
	 * Creates the client.
	 * @param settings the timeouts of the token request
	 * @param clock the clock against which {@code Retry-After} dates are read
	 * @return the client
	 */
	public static RestClientJwtBearerTokenResponseClient jwtBearer(HttpClientSettings settings, Clock clock) {
		RestClient restClient = RestClient.builder()
			.requestFactory(ClientHttpRequestFactoryBuilder.detect().build(settings))
			.configureMessageConverters((converters) -> converters.addCustomConverter(new FormHttpMessageConverter())
				.addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
				throw TokenEndpointException.of(response.getStatusCode().value(),
						response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER), readBody(response.getBody()),
						clock.instant());
			})
			.build();
		RestClientJwtBearerTokenResponseClient client = new RestClientJwtBearerTokenResponseClient();
		client.setRestClient(restClient);
		client.setParametersCustomizer(TokenResponseClients::withoutClientId);
		return client;
	}

	/**
	 * Spring Security adds {@code client_id} for clients without authentication; ZITADEL's
	 * JWT-bearer grant identifies the caller by the assertion alone and ignores it.
	 */
	static void withoutClientId(MultiValueMap<String, String> parameters) {
		parameters.remove(OAuth2ParameterNames.CLIENT_ID);
	}

	private static String readBody(InputStream body) throws IOException {
		return StreamUtils.copyToString(body, StandardCharsets.UTF_8);
	}

}
