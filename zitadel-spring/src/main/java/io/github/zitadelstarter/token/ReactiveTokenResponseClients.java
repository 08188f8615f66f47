package io.github.zitadelstarter.token;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import io.github.zitadelstarter.assertion.ZitadelClock;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.http.client.reactive.ClientHttpConnector;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.security.oauth2.client.endpoint.AbstractWebClientReactiveOAuth2AccessTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveJwtBearerTokenResponseClient;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.web.reactive.function.BodyExtractor;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Spring Security's reactive token response clients, set up for ZITADEL: sending through the
 * application's connector (its timeouts, TLS and proxy), refusing any redirect, and reading
 * answers with a {@link TokenResponseReader}, so that an error keeps its HTTP status and
 * {@code Retry-After} and anything but a Bearer token is refused with an explanation.
 */
public final class ReactiveTokenResponseClients {

	private ReactiveTokenResponseClients() {
	}

	/**
	 * Creates the client of the JWT-bearer grant.
	 * @param connector sends the token requests; it must not follow redirects (a redirect
	 * is then refused as an answer that is not a token)
	 * @param defaultLifetime the lifetime of a token whose answer has no usable
	 * {@code expires_in}
	 * @param clock this machine's clock, against which {@code Retry-After} dates are read
	 * @param zitadelClock learns ZITADEL's clock from its answers, to date assertions by
	 * @return the client
	 */
	public static WebClientReactiveJwtBearerTokenResponseClient jwtBearer(ClientHttpConnector connector,
			Duration defaultLifetime, Clock clock, ZitadelClock zitadelClock) {
		return configure(new WebClientReactiveJwtBearerTokenResponseClient(), connector,
				new TokenResponseReader(defaultLifetime, clock, zitadelClock));
	}

	/**
	 * Creates the client of the client-credentials grant.
	 * @param connector sends the token requests; it must not follow redirects
	 * @param defaultLifetime the lifetime of a token whose answer has no usable
	 * {@code expires_in}
	 * @param clock this machine's clock, against which {@code Retry-After} dates are read
	 * @return the client
	 */
	public static WebClientReactiveClientCredentialsTokenResponseClient clientCredentials(
			ClientHttpConnector connector, Duration defaultLifetime, Clock clock) {
		return configure(new WebClientReactiveClientCredentialsTokenResponseClient(), connector,
				new TokenResponseReader(defaultLifetime, clock, null));
	}

	private static <C extends AbstractWebClientReactiveOAuth2AccessTokenResponseClient<?>> C configure(C client,
			ClientHttpConnector connector, TokenResponseReader reader) {
		client.setWebClient(WebClient.builder()
			.clientConnector(connector)
			.build());
		client.setBodyExtractor(readingWith(reader));
		client.setParametersCustomizer(TokenResponseClients::withoutClientId);
		return client;
	}

	/**
	 * Reads the body itself rather than through a decoder, which would log the access token
	 * at DEBUG.
	 */
	private static BodyExtractor<Mono<OAuth2AccessTokenResponse>, ReactiveHttpInputMessage> readingWith(
			TokenResponseReader reader) {
		return (message, context) -> {
			ClientHttpResponse response = (ClientHttpResponse) message;
			// The start of the body is all an explanation needs: a proxy's page of megabytes
			// is cut off, not refused as too large, so its status and Retry-After still count.
			return DataBufferUtils
				.join(DataBufferUtils.takeUntilByteCount(response.getBody(), TokenResponseReader.MAX_BODY_BYTES))
				.map((buffer) -> {
					String body = buffer.toString(StandardCharsets.UTF_8);
					DataBufferUtils.release(buffer);
					return body;
				})
				.defaultIfEmpty("")
				.map((body) -> reader.read(response.getStatusCode().value(), response.getHeaders(), body));
		};
	}

}
