package io.github.zitadelstarter.health;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.github.zitadelstarter.key.ServiceUserKey;
import io.github.zitadelstarter.token.ZitadelTokenException;
import io.github.zitadelstarter.token.ZitadelTokenSource;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * UP while the service user has, or can get now, a valid access token. Asks the
 * {@link ZitadelTokenSource} like any caller, so a check uses the cached token and joins a
 * token request already in flight instead of making its own. Shows who the service user is
 * and when things expire; never a token or a key.
 */
public final class ZitadelHealthIndicator implements ReactiveHealthIndicator {

	private final ZitadelTokenSource tokenSource;

	private final String issuer;

	private final ServiceUserKey key;

	private final Duration timeout;

	private final Duration keyExpiryWarning;

	private final Clock clock;

	/**
	 * Creates the indicator.
	 * @param tokenSource where tokens come from
	 * @param issuer the configured issuer
	 * @param key the service user's key, for its ids and expiry
	 * @param timeout the longest a check waits for a token
	 * @param keyExpiryWarning how long before the key expires to report it as expiring soon
	 * @param clock the clock to compare the key's expiry with
	 */
	public ZitadelHealthIndicator(ZitadelTokenSource tokenSource, String issuer, ServiceUserKey key,
			Duration timeout, Duration keyExpiryWarning, Clock clock) {
		this.tokenSource = tokenSource;
		this.issuer = issuer;
		this.key = key;
		this.timeout = timeout;
		this.keyExpiryWarning = keyExpiryWarning;
		this.clock = clock;
	}

	@Override
	public Mono<Health> health() {
		return this.tokenSource.getToken()
			.timeout(this.timeout)
			.map((token) -> withDetails(Health.up(), token).build())
			.onErrorResume((ex) -> Mono.just(down(ex)));
	}

	private Health down(Throwable failure) {
		Health.Builder health = withDetails(Health.down(), this.tokenSource.getCachedToken());
		if (failure instanceof ZitadelTokenException tokenFailure) {
			health.withDetail("error", tokenFailure.getError().getErrorCode());
			if (tokenFailure.getError().getDescription() != null) {
				health.withDetail("errorDescription", tokenFailure.getError().getDescription());
			}
			health.withDetail("reason", tokenFailure.getMessage());
		}
		else if (failure instanceof TimeoutException) {
			health.withDetail("error", "timeout")
				.withDetail("reason", "No access token within " + this.timeout.toMillis() + " ms; ZITADEL at "
						+ this.issuer + " is slow or unreachable.");
		}
		else {
			health.withDetail("error", failure.getClass().getSimpleName());
		}
		return health.build();
	}

	private Health.Builder withDetails(Health.Builder health, @Nullable OAuth2AccessToken token) {
		health.withDetail("issuer", this.issuer)
			.withDetail("serviceUserId", this.key.getUserId())
			.withDetail("keyId", this.key.getKeyId());
		if (this.key.getExpirationDate() != null) {
			health.withDetail("keyExpiresAt", this.key.getExpirationDate().toString());
			if (this.key.isExpiredAt(this.clock.instant().plus(this.keyExpiryWarning))) {
				health.withDetail("keyExpiresSoon", true);
			}
		}
		if (token != null && token.getExpiresAt() != null) {
			health.withDetail("tokenExpiresAt", token.getExpiresAt().toString());
		}
		if (this.tokenSource.getLastAcquiredAt() != null) {
			health.withDetail("lastAcquiredAt", this.tokenSource.getLastAcquiredAt().toString());
		}
		return health;
	}

}
