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

}
