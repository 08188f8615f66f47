package io.github.zitadelstarter.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.security.oauth2.core.OAuth2AccessToken;

/**
 * The one place that holds the service user's access token: every transport asks it for a
 * token, and it makes sure that
 * <ul>
 * <li>at most one token request is in flight, however many callers need a token at once;</li>
 * <li>a token is refreshed in the background once most of its lifetime has passed, while
 * callers keep using it;</li>
 * <li>a token is never handed out in the last part of its life, when it could expire on the
 * way to ZITADEL;</li>
 * <li>a failed token request is repeated as {@link TokenRequestRetry} decides, and all
 * callers share those attempts.</li>
 * </ul>
 * No thread is blocked and no lock is held while waiting for the network.
 */
public final class ZitadelTokenSource {

	/** The client registration id under which the starter obtains tokens. */
	public static final String REGISTRATION_ID = "zitadel";

	private static final Log logger = LogFactory.getLog(ZitadelTokenSource.class);

	/** A refresh starts after this share of the token's lifetime. */
	private static final double REFRESH_AT_SHARE_OF_LIFETIME = 0.8;

	/** A token is not handed out in the last tenth of its life, nor in its last 30 s. */
	private static final Duration MAXIMUM_EXPIRY_MARGIN = Duration.ofSeconds(30);

	private static final Duration FIRST_REFRESH_RETRY_DELAY = Duration.ofSeconds(1);

	private final AccessTokenFetcher fetcher;

	private final TokenRequestRetry retry;

	private final Clock clock;

	private volatile TokenAcquisitionObserver observer = TokenAcquisitionObserver.NONE;

	private final Object lock = new Object();

	private volatile @Nullable CachedToken current;

	/** The acquisition under way, shared by everyone who waits for it; guarded by lock. */
	private @Nullable Mono<CachedToken> inFlight;

	private volatile @Nullable Instant lastAcquiredAt;

	/** Consecutive failed background refreshes; guarded by lock. */
	private int failedRefreshes;

	/**
	 * Creates a token source.
	 * @param fetcher requests new tokens
	 * @param retry when to repeat a failed token request
	 * @param clock the clock against which token lifetimes are measured
	 */
	public ZitadelTokenSource(AccessTokenFetcher fetcher, TokenRequestRetry retry, Settings settings, Clock clock) {
		this(fetcher, retry, clock);
	}

	/** TEMPORARY until the token-source branch lands. */
	public record Settings(Duration maxWait, Duration coolDown, Duration maxCoolDown, Duration maxRetryAfter) {
	}

	public ZitadelTokenSource(AccessTokenFetcher fetcher, TokenRequestRetry retry, Clock clock) {
		this.fetcher = fetcher;
		this.retry = retry;
		this.clock = clock;
	}

	/**
	 * Sets what watches token acquisitions, such as Micrometer observations.
	 * @param observer the observer
	 */
	public void setObserver(TokenAcquisitionObserver observer) {
		this.observer = observer;
	}

	/**
	 * Returns a valid access token: the cached one if it is still good, else the result of
	 * the acquisition that is in flight or is started now.
	 * @return the token
	 */
	public Mono<OAuth2AccessToken> getToken() {
		OAuth2AccessToken cached = usableToken();
		return (cached != null) ? Mono.just(cached) : acquire(false).map(CachedToken::accessToken);
	}

	/**
	 * Returns a valid access token for blocking callers; a caller that finds a valid token
	 * neither blocks nor takes a lock.
	 * @return the token
	 */
	public OAuth2AccessToken getTokenBlocking() {
		OAuth2AccessToken cached = usableToken();
		if (cached != null) {
			return cached;
		}
		CachedToken acquired = acquire(false).block();
		if (acquired == null) {
			throw new IllegalStateException("The token acquisition completed without a token");
		}
		return acquired.accessToken();
	}

	/**
	 * Forgets a token that ZITADEL refused (401), so that the next caller gets a new one. A
	 * token that has already been replaced is left alone, so that many callers reporting the
	 * same refused token cause one new token request.
	 * @param refused the token ZITADEL refused
	 */
	public boolean invalidate(OAuth2AccessToken refused) {
		synchronized (this.lock) {
			CachedToken token = this.current;
			if (token != null && token.accessToken().getTokenValue().equals(refused.getTokenValue())) {
				this.current = null;
			}
			return true;
		}
	}

	/**
	 * The token currently held, if any, whether or not it is still usable.
	 * @return the token, or {@code null}
	 */
	public @Nullable OAuth2AccessToken getCachedToken() {
		CachedToken token = this.current;
		return (token != null) ? token.accessToken() : null;
	}

	/**
	 * When the last token was received, if ever.
	 * @return the instant, or {@code null}
	 */
	public @Nullable Instant getLastAcquiredAt() {
		return this.lastAcquiredAt;
	}

	private @Nullable OAuth2AccessToken usableToken() {
		CachedToken token = this.current;
		Instant now = this.clock.instant();
		if (token == null || !now.isBefore(token.usableUntil())) {
			return null;
		}
		if (!now.isBefore(token.refreshAt())) {
			refreshInBackground(token);
		}
		return token.accessToken();
	}

	private void refreshInBackground(CachedToken stale) {
		synchronized (this.lock) {
			if (this.inFlight != null || this.current != stale) {
				return;
			}
			acquire(true).subscribe((fresh) -> {
			}, (ex) -> postponeRefresh(stale, ex));
		}
	}

	/** Keeps using the current token and tries again later, backing off exponentially. */
	private void postponeRefresh(CachedToken stale, Throwable failure) {
		synchronized (this.lock) {
			if (this.current != stale) {
				return;
			}
			Duration delay = FIRST_REFRESH_RETRY_DELAY.multipliedBy(1L << Math.min(this.failedRefreshes, 6));
			this.failedRefreshes++;
			Instant retryAt = this.clock.instant().plus(delay);
			this.current = stale.withRefreshAt(retryAt.isBefore(stale.usableUntil()) ? retryAt : stale.usableUntil());
			logger.warn("Refreshing the ZITADEL access token failed; the current token stays in use until "
					+ stale.usableUntil() + " and the refresh is retried in " + delay.toSeconds() + "s: "
					+ failure.getMessage());
		}
	}

	private Mono<CachedToken> acquire(boolean background) {
		synchronized (this.lock) {
			Mono<CachedToken> shared = this.inFlight;
			if (shared != null) {
				return shared;
			}
			// The request runs to its end whatever its waiters do: one caller cancelling must
			// not cancel the token everyone else is waiting for.
			Sinks.One<CachedToken> result = Sinks.one();
			shared = result.asMono();
			this.inFlight = shared;
			Mono<CachedToken> thisAcquisition = shared;
			this.observer.observe(this.fetcher.fetchToken().retryWhen(this.retry), background)
				.map(this::cache)
				.subscribe((token) -> {
					finish(thisAcquisition, token);
					result.tryEmitValue(token);
				}, (ex) -> {
					finish(thisAcquisition, null);
					result.tryEmitError(ex);
				});
			return shared;
		}
	}

	private CachedToken cache(OAuth2AccessToken token) {
		return CachedToken.of(token, this.clock.instant());
	}

	private void finish(Mono<CachedToken> acquisition, @Nullable CachedToken token) {
		synchronized (this.lock) {
			if (this.inFlight == acquisition) {
				this.inFlight = null;
			}
			if (token != null) {
				this.current = token;
				this.lastAcquiredAt = this.clock.instant();
				this.failedRefreshes = 0;
			}
		}
	}

	/** A token with the instants at which to refresh it and to stop handing it out. */
	record CachedToken(OAuth2AccessToken accessToken, Instant refreshAt, Instant usableUntil) {

		/**
		 * Anchors the token's lifetime ({@code expires_in}) to the instant it was received
		 * by this source's clock.
		 */
		static CachedToken of(OAuth2AccessToken token, Instant receivedAt) {
			Duration lifetime = (token.getIssuedAt() != null && token.getExpiresAt() != null)
					? Duration.between(token.getIssuedAt(), token.getExpiresAt()) : Duration.ZERO;
			if (lifetime.isNegative()) {
				lifetime = Duration.ZERO;
			}
			Duration margin = lifetime.dividedBy(10);
			if (margin.compareTo(MAXIMUM_EXPIRY_MARGIN) > 0) {
				margin = MAXIMUM_EXPIRY_MARGIN;
			}
			Instant refreshAt = receivedAt.plusMillis((long) (lifetime.toMillis() * REFRESH_AT_SHARE_OF_LIFETIME));
			return new CachedToken(token, refreshAt, receivedAt.plus(lifetime).minus(margin));
		}

		CachedToken withRefreshAt(Instant instant) {
			return new CachedToken(this.accessToken, instant, this.usableUntil);
		}

		@Override
		public String toString() {
			return "CachedToken[refreshAt=" + this.refreshAt + ", usableUntil=" + this.usableUntil + "]";
		}

	}

}
