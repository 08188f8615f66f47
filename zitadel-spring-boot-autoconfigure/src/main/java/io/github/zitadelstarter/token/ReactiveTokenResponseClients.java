package io.github.zitadelstarter.token;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import reactor.core.publisher.Mono;

import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ReactiveHttpInputMessage;
import org.springframework.http.client.reactive.ClientHttpResponse;
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
				return tokenResponse.extract(message, context);
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

}
