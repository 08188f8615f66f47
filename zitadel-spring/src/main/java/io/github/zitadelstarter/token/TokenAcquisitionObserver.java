package io.github.zitadelstarter.token;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * Watches each token acquisition of the {@link ZitadelTokenSource}: one subscription per
 * acquisition, all of its attempts included.
 */
@FunctionalInterface
public interface TokenAcquisitionObserver {

	/** Watches nothing, and costs nothing. */
	TokenAcquisitionObserver NONE = (acquisition, background) -> acquisition;

	/**
	 * Wraps an acquisition.
	 * @param acquisition the acquisition, subscribed once
	 * @param background whether it refreshes a token that is still in use, rather than one
	 * that callers wait for
	 * @return the acquisition as observed
	 */
	Mono<OAuth2AccessToken> observe(Mono<OAuth2AccessToken> acquisition, boolean background);

}
