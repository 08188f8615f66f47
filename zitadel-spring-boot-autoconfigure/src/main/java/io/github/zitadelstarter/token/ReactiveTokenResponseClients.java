package io.github.zitadelstarter.token;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.core.codec.Hints;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.http.client.reactive.ClientHttpResponse;
import org.springframework.http.codec.HttpMessageReader;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.oauth2.client.endpoint.WebClientReactiveJwtBearerTokenResponseClient;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.web.reactive.function.OAuth2BodyExtractors;
import org.springframework.web.reactive.function.BodyExtractor;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Spring Security's reactive JWT-bearer token response client, set up for ZITADEL: with
 * connect and read timeouts, and with error answers that keep their HTTP status and
 * {@code Retry-After}.
 */
public final class ReactiveTokenResponseClients {

	private ReactiveTokenResponseClients() {
	}

	/**
	 * Creates the client.
	 * @param settings the timeouts of the token request
	 * @param clock the clock against which {@code Retry-After} dates are read
	 * @return the client
	 */
	public static WebClientReactiveJwtBearerTokenResponseClient jwtBearer(HttpClientSettings settings, Clock clock) {
		WebClientReactiveJwtBearerTokenResponseClient client = new WebClientReactiveJwtBearerTokenResponseClient();
		client.setWebClient(WebClient.builder().clientConnector(ClientHttpConnectorBuilder.detect().build(settings)).build());
		client.setBodyExtractor(keepingStatus(clock));
		client.setParametersCustomizer(TokenResponseClients::withoutClientId);
		return client;
	}

	private static BodyExtractor<Mono<OAuth2AccessTokenResponse>, ReactiveHttpInputMessage> keepingStatus(
			Clock clock) {
		BodyExtractor<Mono<OAuth2AccessTokenResponse>, ReactiveHttpInputMessage> tokenResponse = OAuth2BodyExtractors
			.oauth2AccessTokenResponse();
		return (message, context) -> {
			if (!(message instanceof ClientHttpResponse response) || !response.getStatusCode().isError()) {
				return tokenResponse.extract(message, withoutLogging(context));
			}
			return DataBufferUtils.join(response.getBody())
				.map((buffer) -> {
					String body = buffer.toString(StandardCharsets.UTF_8);
					DataBufferUtils.release(buffer);
					return body;
				})
				.defaultIfEmpty("")
				.flatMap((body) -> Mono.error(TokenEndpointException.of(response.getStatusCode().value(),
						response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER), body, clock.instant())));
		};
	}

	/**
	 * The JSON decoder logs what it decoded at DEBUG, which here is the access token: tell it
	 * not to.
	 */
	private static BodyExtractor.Context withoutLogging(BodyExtractor.Context context) {
		Map<String, Object> hints = new HashMap<>(context.hints());
		hints.put(Hints.SUPPRESS_LOGGING_HINT, true);
		return new BodyExtractor.Context() {

			@Override
			public List<HttpMessageReader<?>> messageReaders() {
				return context.messageReaders();
			}

			@Override
			public Optional<ServerHttpResponse> serverResponse() {
				return context.serverResponse();
			}

			@Override
			public Map<String, Object> hints() {
				return hints;
			}

		};
	}

}
