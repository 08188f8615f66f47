package io.github.zitadelstarter.webclient;

import io.github.zitadelstarter.token.ZitadelCallEvidence;
import io.github.zitadelstarter.token.ZitadelOrigins;
import io.github.zitadelstarter.token.ZitadelRequestHeaders;
import io.github.zitadelstarter.token.ZitadelTokenSource;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Authenticates {@link org.springframework.web.reactive.function.client.WebClient} requests
 * to ZITADEL as the service user: adds {@code Authorization: Bearer <token>} and, when an
 * organization is configured and the request does not name one itself,
 * {@code x-zitadel-orgid}. Requests to any other origin than ZITADEL's pass through
 * untouched.
 *
 * <p>
 * A request that ZITADEL answers with 401 is sent once more with a new token, unless the
 * token source is pausing after refused tokens, in which case the 401 reaches the caller.
 * Put it on a builder of your own with {@code builder.filter(zitadelExchangeFilterFunction)}.
 */
public final class ZitadelExchangeFilterFunction implements ExchangeFilterFunction {

	private final ZitadelTokenSource tokenSource;

	private final ZitadelRequestHeaders headers;

	private final ZitadelOrigins origins;

	public ZitadelExchangeFilterFunction(ZitadelTokenSource tokenSource, ZitadelRequestHeaders headers,
			ZitadelOrigins origins) {
		this.tokenSource = tokenSource;
		this.headers = headers;
		this.origins = origins;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		if (!this.origins.contains(request.url())) {
			return next.exchange(request);
		}
		OAuth2AccessToken usable = this.tokenSource.getUsableToken();
		if (usable != null) {
			return exchange(request, next, usable);
		}
		return this.tokenSource.getToken().flatMap((token) -> exchange(request, next, token));
	}

	private Mono<ClientResponse> exchange(ClientRequest request, ExchangeFunction next, OAuth2AccessToken token) {
		ZitadelCallEvidence evidence = this.tokenSource.getCallEvidence();
		return next.exchange(authenticated(request, token)).doOnError(evidence::unreachable).flatMap((response) -> {
			int status = response.statusCode().value();
			evidence.answered(status);
			return (status == HttpStatus.UNAUTHORIZED.value()) ? retryWithNewToken(request, next, token, response)
					: Mono.just(response);
		});
	}

	/** Sends the request with the token, and tells the token source what ZITADEL answered. */
	private Mono<ClientResponse> send(ClientRequest request, ExchangeFunction next, OAuth2AccessToken token) {
		ZitadelCallEvidence evidence = this.tokenSource.getCallEvidence();
		return next.exchange(authenticated(request, token))
			.doOnNext((response) -> evidence.answered(response.statusCode().value()))
			.doOnError(evidence::unreachable);
	}

	/**
	 * ZITADEL refused the token (revoked, expired early, instance restarted): forget it and
	 * send the request once more with a new one. The request's body inserter writes the body
	 * again. A second 401 reaches the caller.
	 */
	private Mono<ClientResponse> retryWithNewToken(ClientRequest request, ExchangeFunction next,
			OAuth2AccessToken refused, ClientResponse unauthorized) {
		if (!this.tokenSource.invalidate(refused)) {
			return Mono.just(unauthorized);
		}
		return unauthorized.releaseBody()
			.then(this.tokenSource.getToken())
			.flatMap((token) -> send(request, next, token));
	}

	private ClientRequest authenticated(ClientRequest request, OAuth2AccessToken token) {
		return ClientRequest.from(request).headers((headers) -> this.headers.apply(headers, token)).build();
	}

	@Override
	public String toString() {
		return "ZitadelExchangeFilterFunction[" + this.headers + ", " + this.origins + "]";
	}

}
