package io.github.zitadelstarter.token;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * Fetches one new access token from ZITADEL; caching, sharing and refreshing are the
 * {@link ZitadelTokenSource}'s.
 */
@FunctionalInterface
public interface AccessTokenFetcher {

	/**
	 * A cold {@link Mono} that requests a new access token each time it is subscribed.
	 * @return the token, or a {@link ZitadelTokenException} that explains the failure
	 */
	Mono<OAuth2AccessToken> fetchToken();

	/**
	 * Whether fetching again can give another token. A personal access token cannot: when
	 * ZITADEL refuses it, a call is not repeated.
	 * @return whether a refused token may be replaced by fetching again
	 */
	default boolean canRenew() {
		return true;
	}

}
