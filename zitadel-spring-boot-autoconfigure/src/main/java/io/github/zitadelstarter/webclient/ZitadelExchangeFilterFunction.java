package io.github.zitadelstarter.webclient;

import io.github.zitadelstarter.token.ZitadelTokenSource;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * Authenticates {@link org.springframework.web.reactive.function.client.WebClient} requests
 * as the ZITADEL service user: adds {@code Authorization: Bearer <token>} and, when an
 * organization is configured and the request does not name one itself,
 * {@code x-zitadel-orgid}.
 *
 * <p>
 * A request that ZITADEL answers with 401 is sent once more with a new token. Put it on a
 * builder of your own with {@code builder.filter(zitadelExchangeFilterFunction)}.
 */
public final class ZitadelExchangeFilterFunction implements ExchangeFilterFunction {

	/** The header with which a call selects the organization it acts in. */
	public static final String ORGANIZATION_HEADER = "x-zitadel-orgid";

	private final ZitadelTokenSource tokenSource;

	private final @Nullable String organizationId;

	public ZitadelExchangeFilterFunction(ZitadelTokenSource tokenSource, @Nullable String organizationId) {
		this.tokenSource = tokenSource;
		this.organizationId = StringUtils.hasText(organizationId) ? organizationId : null;
	}

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		return this.tokenSource.getToken()
			.flatMap((token) -> next.exchange(authenticated(request, token))
				.flatMap((response) -> (response.statusCode().value() == HttpStatus.UNAUTHORIZED.value())
						? retryWithNewToken(request, next, token, response) : Mono.just(response)));
	}

	/**
	 * ZITADEL refused the token (revoked, expired early, instance restarted): forget it and
	 * send the request once more with a new one. The request's body inserter writes the body
	 * again. A second 401 reaches the caller.
	 */
	private Mono<ClientResponse> retryWithNewToken(ClientRequest request, ExchangeFunction next,
			OAuth2AccessToken refused, ClientResponse unauthorized) {
		this.tokenSource.invalidate(refused);
		return unauthorized.releaseBody()
			.then(this.tokenSource.getToken())
			.flatMap((token) -> next.exchange(authenticated(request, token)));
	}

	private ClientRequest authenticated(ClientRequest request, OAuth2AccessToken token) {
		return ClientRequest.from(request).headers((headers) -> {
			headers.setBearerAuth(token.getTokenValue());
			if (this.organizationId != null && !headers.containsHeader(ORGANIZATION_HEADER)) {
				headers.set(ORGANIZATION_HEADER, this.organizationId);
			}
		}).build();
	}

	@Override
	public String toString() {
		return "ZitadelExchangeFilterFunction[organizationId=" + this.organizationId + "]";
	}

}
