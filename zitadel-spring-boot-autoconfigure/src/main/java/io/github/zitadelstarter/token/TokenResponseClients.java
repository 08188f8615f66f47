package io.github.zitadelstarter.token;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.RestClientJwtBearerTokenResponseClient;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Spring Security's blocking JWT-bearer token response client, set up for ZITADEL: built
 * with the application's HTTP client settings (timeouts, SSL bundle, request factory), never
 * following a redirect, and reading answers with a {@link TokenResponseReader}, so that an
 * error keeps its HTTP status and {@code Retry-After} and anything but a Bearer token is
 * refused with an explanation.
 */
public final class TokenResponseClients {

	private TokenResponseClients() {
	}

	/**
	 * Creates the client.
	 * @param requestFactoryBuilder the application's request factory builder, such as Boot's
	 * {@code ClientHttpRequestFactoryBuilder} bean
	 * @param settings the token request's settings; redirects are never followed whatever
	 * they say
	 * @param defaultLifetime the lifetime of a token whose answer has no usable
	 * {@code expires_in}
	 * @param clock the clock against which {@code Retry-After} dates are read
	 * @return the client
	 */
	public static RestClientJwtBearerTokenResponseClient jwtBearer(ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder,
			HttpClientSettings settings, Duration defaultLifetime, Clock clock) {
		TokenResponseReader reader = new TokenResponseReader(defaultLifetime, clock);
		RestClient restClient = RestClient.builder()
			.requestFactory(requestFactoryBuilder.build(settings.withRedirects(HttpRedirects.DONT_FOLLOW)))
			.configureMessageConverters((converters) -> converters.addCustomConverter(new FormHttpMessageConverter())
				.addCustomConverter(new TokenResponseConverter(reader)))
			.defaultStatusHandler((status) -> !status.is2xxSuccessful(), (request, response) -> {
				throw reader.failure(response.getStatusCode().value(), response.getHeaders(),
						readBody(response.getBody()));
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
		return new String(body.readNBytes(TokenResponseReader.MAX_BODY_BYTES), StandardCharsets.UTF_8);
	}

	/** Reads successful answers; error and redirect answers never reach it. */
	private static final class TokenResponseConverter extends AbstractHttpMessageConverter<OAuth2AccessTokenResponse> {

		private final TokenResponseReader reader;

		TokenResponseConverter(TokenResponseReader reader) {
			super(MediaType.ALL);
			this.reader = reader;
		}

		@Override
		protected boolean supports(Class<?> type) {
			return OAuth2AccessTokenResponse.class.isAssignableFrom(type);
		}

		@Override
		protected OAuth2AccessTokenResponse readInternal(Class<? extends OAuth2AccessTokenResponse> type,
				HttpInputMessage message) throws IOException {
			return this.reader.read(200, message.getHeaders(), readBody(message.getBody()));
		}

		@Override
		protected void writeInternal(OAuth2AccessTokenResponse response, HttpOutputMessage message) {
			throw new UnsupportedOperationException("Token responses are only read");
		}

	}

}
