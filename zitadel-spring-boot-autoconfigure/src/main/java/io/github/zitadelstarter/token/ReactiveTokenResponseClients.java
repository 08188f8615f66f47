package io.github.zitadelstarter.token;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;

import reactor.core.publisher.Mono;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveJwtBearerTokenResponseClient;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.web.reactive.function.BodyExtractor;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Spring Security's reactive JWT-bearer token response client, set up for ZITADEL: built
 * with the application's HTTP client settings (timeouts, SSL bundle, connector), never
 * following a redirect, and reading answers with a {@link TokenResponseReader}, so that an
 * error keeps its HTTP status and {@code Retry-After} and anything but a Bearer token is
 * refused with an explanation.
 */
public final class ReactiveTokenResponseClients {

	private ReactiveTokenResponseClients() {
	}

	/**
	 * Creates the client.
	 * @param connectorBuilder the application's connector builder, such as Boot's
	 * {@code ClientHttpConnectorBuilder} bean
	 * @param settings the token request's settings; redirects are never followed whatever
	 * they say
	 * @param defaultLifetime the lifetime of a token whose answer has no usable
	 * {@code expires_in}
	 * @param clock the clock against which {@code Retry-After} dates are read
	 * @return the client
	 */
	public static WebClientReactiveJwtBearerTokenResponseClient jwtBearer(ClientHttpConnectorBuilder<?> connectorBuilder,
			HttpClientSettings settings, Duration defaultLifetime, Clock clock) {
		WebClient webClient = WebClient.builder()
			.clientConnector(connectorBuilder.build(settings.withRedirects(HttpRedirects.DONT_FOLLOW)))
			.build();
		WebClientReactiveJwtBearerTokenResponseClient client = new WebClientReactiveJwtBearerTokenResponseClient();
		client.setWebClient(webClient);
		client.setBodyExtractor(readingWith(new TokenResponseReader(defaultLifetime, clock)));
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
			return DataBufferUtils.join(response.getBody(), TokenResponseReader.MAX_BODY_BYTES)
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
