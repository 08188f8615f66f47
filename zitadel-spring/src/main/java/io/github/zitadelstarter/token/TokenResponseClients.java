package io.github.zitadelstarter.token;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import io.github.zitadelstarter.assertion.ZitadelClock;

import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.endpoint.AbstractRestClientOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.RestClientJwtBearerTokenResponseClient;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * Spring Security's blocking token response clients, set up for ZITADEL: sending through the
 * application's request factory (its timeouts, TLS and proxy), refusing any redirect, and
 * reading answers with a {@link TokenResponseReader}, so that an error keeps its HTTP status
 * and {@code Retry-After} and anything but a Bearer token is refused with an explanation.
 */
public final class TokenResponseClients {

	private TokenResponseClients() {
	}

	/**
	 * Creates the client of the JWT-bearer grant.
	 * @param requestFactory sends the token requests; it must not follow redirects (a
	 * redirect is then refused as an answer that is not a token)
	 * @param defaultLifetime the lifetime of a token whose answer has no usable
	 * {@code expires_in}
	 * @param clock this machine's clock, against which {@code Retry-After} dates are read
	 * @param zitadelClock learns ZITADEL's clock from its answers, to date assertions by
	 * @return the client
	 */
	public static RestClientJwtBearerTokenResponseClient jwtBearer(ClientHttpRequestFactory requestFactory,
			Duration defaultLifetime, Clock clock, ZitadelClock zitadelClock) {
		return configure(new RestClientJwtBearerTokenResponseClient(), requestFactory,
				new TokenResponseReader(defaultLifetime, clock, zitadelClock));
	}

	/**
	 * Creates the client of the client-credentials grant.
	 * @param requestFactory sends the token requests; it must not follow redirects
	 * @param defaultLifetime the lifetime of a token whose answer has no usable
	 * {@code expires_in}
	 * @param clock this machine's clock, against which {@code Retry-After} dates are read
	 * @return the client
	 */
	public static RestClientClientCredentialsTokenResponseClient clientCredentials(
			ClientHttpRequestFactory requestFactory, Duration defaultLifetime, Clock clock) {
		return configure(new RestClientClientCredentialsTokenResponseClient(), requestFactory,
				new TokenResponseReader(defaultLifetime, clock, null));
	}

	private static <C extends AbstractRestClientOAuth2AccessTokenResponseClient<?>> C configure(C client,
			ClientHttpRequestFactory requestFactory, TokenResponseReader reader) {
		client.setRestClient(RestClient.builder()
			.requestFactory(requestFactory)
			.configureMessageConverters((converters) -> converters.addCustomConverter(new FormHttpMessageConverter())
				.addCustomConverter(new TokenResponseConverter(reader)))
			.defaultStatusHandler((status) -> !status.is2xxSuccessful(), (request, response) -> {
				throw reader.failure(response.getStatusCode().value(), response.getHeaders(),
						readBody(response.getBody()));
			})
			.build());
		client.setParametersCustomizer(TokenResponseClients::withoutClientId);
		return client;
	}

	/**
	 * Spring Security adds {@code client_id} for clients without authentication; ZITADEL's
	 * JWT-bearer grant identifies the caller by the assertion alone and ignores it. Clients
	 * with HTTP Basic authentication send none in the form anyway.
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
