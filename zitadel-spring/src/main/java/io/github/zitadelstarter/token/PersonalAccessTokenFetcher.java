package io.github.zitadelstarter.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.util.Assert;

/**
 * Hands out the service user's personal access token, which is sent to the APIs as it is:
 * there is no token endpoint, and no other token to get when ZITADEL refuses it.
 */
public final class PersonalAccessTokenFetcher implements AccessTokenFetcher {

	/**
	 * ZITADEL does not tell a personal access token's expiry; it is used until refused, and
	 * this long keeps the token source from refreshing it.
	 */
	private static final Duration UNKNOWN_LIFETIME = Duration.ofDays(365 * 100);

	private final String token;

	private final Clock clock;

	/**
	 * Creates the fetcher.
	 * @param token the personal access token
	 * @param clock the clock that dates it
	 */
	public PersonalAccessTokenFetcher(String token, Clock clock) {
		Assert.hasText(token, "token must not be empty");
		this.token = token;
		this.clock = clock;
	}

	@Override
	public Mono<OAuth2AccessToken> fetchToken() {
		return Mono.fromSupplier(() -> {
			Instant now = this.clock.instant();
			return new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, this.token, now, now.plus(UNKNOWN_LIFETIME));
		});
	}

	@Override
	public boolean canRenew() {
		return false;
	}

	@Override
	public String toString() {
		return "PersonalAccessTokenFetcher[token=******]";
	}

}
