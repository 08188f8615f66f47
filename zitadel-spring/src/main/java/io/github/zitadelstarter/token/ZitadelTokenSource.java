package io.github.zitadelstarter.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.util.Assert;

/**
 * The one place that holds the service user's access token: every transport asks it for a
 * token, and it makes sure that
 * <ul>
 * <li>at most one token request is in flight, however many callers need a token at once;</li>
 * <li>a token is refreshed on schedule, in the background, when {@code min(lifetime/2,
 * 10 min)} of its life is left, whether or not calls arrive, while callers keep using it; a
 * failed refresh is tried again within the time the token has left, never before a remembered
 * failure's cool-down or {@code Retry-After} has passed;</li>
 * <li>a token is never handed out in its last {@code min(lifetime/10, 30 s)}, when it could
 * expire on the way to ZITADEL;</li>
 * <li>a failed token request is repeated as {@link TokenRequestRetry} decides, all callers
 * share those attempts, and once they have failed, the failure is remembered: callers fail
 * fast with a {@link ZitadelTokenCoolDownException} until the next attempt is allowed;</li>
 * <li>no caller waits longer than {@link Settings#maxCallerWait()}, and no acquisition takes
 * longer than {@link Settings#maxAcquisition()}: a caller that gives up leaves the acquisition
 * running for those that come later;</li>
 * <li>each caller gets an exception of its own, so that what one caller's stack adds to it
 * (suppressed exceptions, checkpoints) reaches neither the other callers nor the remembered
 * failure;</li>
 * <li>a token that ZITADEL's APIs keep refusing is not replaced on every refusal;</li>
 * <li>once {@link #close() closed} or {@link #stop() stopped} with its application context,
 * no token request is started, the one in flight is cancelled and no refresh stays
 * scheduled.</li>
 * </ul>
 * No lock is taken anywhere: a caller that finds a usable token does one volatile read, and
 * the state changes with compare-and-set.
 */
public final class ZitadelTokenSource implements SmartLifecycle, AutoCloseable {

	/** The client registration id under which the starter obtains tokens. */
	public static final String REGISTRATION_ID = "zitadel";

	private static final Log logger = LogFactory.getLog(ZitadelTokenSource.class);

	/** A token is refreshed this long before it expires at the most... */
	private static final Duration MAXIMUM_REFRESH_HEADROOM = Duration.ofMinutes(10);

	/** ...and is not handed out in the last tenth of its life, nor in its last 30 s. */
	private static final Duration MAXIMUM_EXPIRY_MARGIN = Duration.ofSeconds(30);

	/** A failed refresh is not tried again sooner than this, however short the token. */
	static final Duration MINIMUM_REFRESH_DELAY = Duration.ofMillis(250);

	/**
	 * The lifecycle phase in which a source in an application context is stopped: after the
	 * web server's graceful shutdown (so that requests still being answered get tokens), and
	 * before the HTTP clients' resources (Reactor Netty's, phase 0), which would otherwise
	 * wait for a token request that is being retried.
	 */
	public static final int PHASE = 1;

	/** The same kind of failure is logged at WARN at most this often. */
	private static final Duration WARN_INTERVAL = Duration.ofMinutes(1);

	/**
	 * Lets the acquisition's own timeout, which the observer sees, fire before the safety
	 * net that guards against an observer that never ends.
	 */
	private static final Duration SAFETY_NET_DELAY = Duration.ofSeconds(1);

	private final AccessTokenFetcher fetcher;

	private final TokenRequestRetry retry;

	private final Settings settings;

	private final Clock clock;

	/** Where refreshes are scheduled; {@code null} for Reactor's parallel scheduler of the moment. */
	private final @Nullable Scheduler scheduler;

	private final AtomicReference<@Nullable Disposable> scheduledRefresh = new AtomicReference<>();

	private volatile boolean closed;

	private volatile TokenAcquisitionObserver observer = TokenAcquisitionObserver.NONE;

	private final AtomicReference<State> state = new AtomicReference<>(State.EMPTY);

	private final AtomicReference<@Nullable Warning> lastWarning = new AtomicReference<>();

	private volatile @Nullable Instant lastAcquiredAt;

	private final ZitadelCallEvidence callEvidence;

	/**
	 * Creates a token source with the {@link Settings#defaults() default settings}.
	 * @param fetcher requests new tokens
	 * @param retry when to repeat a failed token request
	 * @param clock the clock against which token lifetimes are measured
	 */
	public ZitadelTokenSource(AccessTokenFetcher fetcher, TokenRequestRetry retry, Clock clock) {
		this(fetcher, retry, Settings.defaults(), clock);
	}

	/**
	 * Creates a token source.
	 * @param fetcher requests new tokens
	 * @param retry when to repeat a failed token request
	 * @param settings how long callers wait and how long failures are remembered
	 * @param clock the clock against which token lifetimes and pauses are measured
	 */
	public ZitadelTokenSource(AccessTokenFetcher fetcher, TokenRequestRetry retry, Settings settings, Clock clock) {
		this(fetcher, retry, settings, clock, null);
	}

	/**
	 * Creates a token source that schedules its refreshes on the given scheduler.
	 * @param fetcher requests new tokens
	 * @param retry when to repeat a failed token request
	 * @param settings how long callers wait and how long failures are remembered
	 * @param clock the clock against which token lifetimes and pauses are measured
	 * @param scheduler runs the refreshes when they are due, its delays taken as measured by
	 * {@code clock}; {@code null} for Reactor's parallel scheduler, looked up each time, so
	 * that a scheduler disposed and replaced meanwhile (as {@code Schedulers.shutdownNow()}
	 * does) is not held on to
	 */
	public ZitadelTokenSource(AccessTokenFetcher fetcher, TokenRequestRetry retry, Settings settings, Clock clock,
			@Nullable Scheduler scheduler) {
		this.fetcher = fetcher;
		this.retry = retry;
		this.settings = settings;
		this.clock = clock;
		this.scheduler = scheduler;
		this.callEvidence = new ZitadelCallEvidence(clock);
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
	 * the acquisition that is in flight or is started now. Fails with a
	 * {@link ZitadelTokenException}: at once while a failure is remembered or once the source
	 * is closed, else when the acquisition fails or no token arrives within
	 * {@link Settings#maxCallerWait()}. A subscriber that cancels or gives up does not cancel
	 * the token request that others wait for.
	 * @return the token
	 */
	public Mono<OAuth2AccessToken> getToken() {
		return Mono.defer(() -> {
			OAuth2AccessToken usable = usableToken();
			return (usable != null) ? Mono.just(usable) : acquireOrFail();
		});
	}

	/**
	 * The cached token if it may be handed out now, starting a background refresh when one
	 * is due: one volatile read, for transports that want to skip {@link #getToken()}'s
	 * {@code Mono} on the common path.
	 * @return the token, or {@code null} when a caller has to wait for one
	 */
	public @Nullable OAuth2AccessToken getUsableToken() {
		return usableToken();
	}

	/**
	 * Returns a valid access token for blocking callers; a caller that finds a valid token
	 * neither blocks nor takes a lock, and no caller blocks longer than
	 * {@link Settings#maxCallerWait()}.
	 * @return the token
	 * @throws ZitadelTokenException if no token could be obtained
	 */
	public OAuth2AccessToken getTokenBlocking() {
		OAuth2AccessToken usable = usableToken();
		if (usable != null) {
			return usable;
		}
		// acquireOrFail() ends within maxCallerWait on its own: a plain block() never sees
		// Reactor's own timeout, which would be an IllegalStateException.
		OAuth2AccessToken token = acquireOrFail().block();
		if (token == null) {
			throw noTokenWithin(this.settings.maxCallerWait(), false);
		}
		return token;
	}

	/**
	 * Reports a token that ZITADEL's API refused (401) and says whether to send the call
	 * again. A token that has already been replaced is left alone, so many callers reporting
	 * the same refused token cause one new token request. A token is dropped for refusal at
	 * most once per cool-down, growing while the refusals go on, so that an API that refuses
	 * every token does not cause a token request per call.
	 * @param refused the token ZITADEL refused
	 * @return whether the caller should send its call again with the token it gets now;
	 * {@code false} when it should hand the refusal to its own caller
	 */
	public boolean invalidate(OAuth2AccessToken refused) {
		if (!this.fetcher.canRenew()) {
			refusedForGood();
			return false;
		}
		while (true) {
			State current = currentState();
			if (current.token() == null
					|| !current.token().accessToken().getTokenValue().equals(refused.getTokenValue())) {
				return true;
			}
			Instant now = this.clock.instant();
			Refusals refusals = current.refusals();
			if (refusals != null && now.isBefore(refusals.lastDropAt().plus(backOff(refusals.count())))) {
				return false;
			}
			// Refusals that came long apart are each the first of their kind.
			int count = (refusals != null && now
				.isBefore(refusals.lastDropAt().plus(backOff(refusals.count())).plus(this.settings.maxCoolDown())))
						? refusals.count() + 1 : 1;
			Refusals next = new Refusals(now, count);
			if (this.state.compareAndSet(current, current.withToken(null).withRefusals(next))) {
				return true;
			}
		}
	}

	/**
	 * A token that cannot be renewed, a personal access token, was refused: the call is not
	 * repeated, and operators are told what to do.
	 */
	private void refusedForGood() {
		String reason = "ZITADEL refused the personal access token (HTTP 401): it has expired or was deleted. Create "
				+ "a new one for the service user and set zitadel.service-user.personal-access-token";
		this.callEvidence.refusedForGood(reason);
		if (firstOfItsKindThisMinute(reason, this.clock.instant())) {
			logger.warn(reason + ".");
		}
	}

	/**
	 * Forgets the token, the remembered failure, the refusals and the evidence of recent
	 * calls, so that the next caller asks ZITADEL at once: after the cause of a failure has
	 * been fixed, or between tests. An acquisition in flight goes on.
	 */
	public void reset() {
		update((current) -> new State(null, current.inFlight(), null, null));
		cancelScheduledRefresh();
		this.callEvidence.clear();
	}

	/**
	 * Stops: the token request in flight is cancelled (its callers get an exception), the
	 * scheduled refresh is cancelled, and no token request is started until
	 * {@link #start()}. A token already held is still handed out while it is usable, so that
	 * calls finishing during a shutdown keep working.
	 */
	@Override
	public void close() {
		this.closed = true;
		cancelScheduledRefresh();
		Acquisition inFlight = currentState().inFlight();
		if (inFlight != null) {
			inFlight.cancel();
			finish(inFlight, null, null);
		}
	}

	/** Stops as {@link #close()} does, when the application context stops or closes. */
	@Override
	public void stop() {
		close();
	}

	/**
	 * Lets a stopped source make token requests again, and schedules the refresh of the
	 * token it holds. A new source needs no start: it works from the outset.
	 */
	@Override
	public void start() {
		if (!this.closed) {
			return;
		}
		this.closed = false;
		CachedToken token = currentState().token();
		if (token != null) {
			scheduleRefresh(token);
		}
	}

	@Override
	public boolean isRunning() {
		return !this.closed;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * The token currently held, if any, whether or not it is still usable.
	 * @return the token, or {@code null}
	 */
	public @Nullable OAuth2AccessToken getCachedToken() {
		CachedToken token = currentState().token();
		return (token != null) ? token.accessToken() : null;
	}

	/**
	 * When the last token was received, if ever.
	 * @return the instant, or {@code null}
	 */
	public @Nullable Instant getLastAcquiredAt() {
		return this.lastAcquiredAt;
	}

	/**
	 * What the latest token acquisitions and API calls showed about whether ZITADEL accepts
	 * the service user's calls; the transports report their calls' answers here.
	 * @return the evidence
	 */
	public ZitadelCallEvidence getCallEvidence() {
		return this.callEvidence;
	}

	/**
	 * How the last acquisition failed, unless a token has been received since.
	 * @return the failure, or {@code null}
	 */
	public @Nullable ZitadelTokenException getLastFailure() {
		Failure failure = currentState().failure();
		return (failure != null) ? failure.exception() : null;
	}

	/**
	 * Before when no token request is started for a caller without a usable token, after
	 * the last failure; {@code null} when no failure is remembered. The instant may be past.
	 * @return the instant, or {@code null}
	 */
	public @Nullable Instant getNextAttemptAt() {
		Failure failure = currentState().failure();
		return (failure != null) ? failure.notBefore() : null;
	}

	/**
	 * The cached token if it may still be handed out, starting a background refresh when
	 * one is due; a volatile read, and a compare-and-set only when a refresh starts.
	 */
	private @Nullable OAuth2AccessToken usableToken() {
		State current = currentState();
		CachedToken token = current.token();
		if (token == null) {
			return null;
		}
		Instant now = this.clock.instant();
		if (!now.isBefore(token.usableUntil())) {
			return null;
		}
		if (!now.isBefore(token.refreshAt()) && current.inFlight() == null) {
			refreshInBackground(current, false);
		}
		return token.accessToken();
	}

	/**
	 * Schedules the refresh of this token at its refresh point, replacing any refresh
	 * scheduled before, so that an idle application has a fresh token when its next call
	 * comes. A scheduler that refuses the task leaves the refresh to the next caller.
	 */
	private void scheduleRefresh(CachedToken token) {
		if (this.closed) {
			return;
		}
		long delay = Math.max(0, Duration.between(this.clock.instant(), token.refreshAt()).toMillis());
		if (logger.isDebugEnabled()) {
			logger.debug("Refreshing the ZITADEL access token in " + delay + " ms: " + token);
		}
		Scheduler scheduler = (this.scheduler != null) ? this.scheduler : Schedulers.parallel();
		Disposable task;
		try {
			task = scheduler.schedule(() -> refreshIfStillHeld(token), delay, TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			logger.warn("The refresh of the ZITADEL access token could not be scheduled (" + scheduler
					+ " refused it); the next call after " + token.refreshAt() + " starts it");
			return;
		}
		Disposable previous = this.scheduledRefresh.getAndSet(task);
		if (previous != null) {
			previous.dispose();
		}
		if (this.closed) {
			task.dispose();
		}
	}

	private void cancelScheduledRefresh() {
		Disposable previous = this.scheduledRefresh.getAndSet(null);
		if (previous != null) {
			previous.dispose();
		}
	}

	/**
	 * Runs on the scheduler when {@code scheduled}'s refresh point has come: refreshes it if it
	 * is still the token held, as it was scheduled. The scheduler's time is taken as it is:
	 * checking it against the clock again would find it early by the rounding of the delay,
	 * and rescheduling from here could cancel the very task that replaces it.
	 */
	private void refreshIfStillHeld(CachedToken scheduled) {
		State current = currentState();
		if (logger.isDebugEnabled()) {
			logger.debug("Scheduled refresh of the ZITADEL access token: " + current);
		}
		if (!this.closed && scheduled.equals(current.token())) {
			refreshInBackground(current, true);
		}
	}

	private void refreshInBackground(State seen, boolean due) {
		Acquisition refresh = new Acquisition(true);
		State current = seen;
		while (!this.closed && current.inFlight() == null && current.token() != null
				&& (due ? current.token().equals(seen.token())
						: !this.clock.instant().isBefore(current.token().refreshAt()))) {
			if (this.state.compareAndSet(current, current.withInFlight(refresh))) {
				start(refresh);
				return;
			}
			current = currentState();
		}
	}

	/** Joins the acquisition in flight, starts one, or fails fast while a failure is remembered. */
	private Mono<OAuth2AccessToken> acquireOrFail() {
		Acquisition acquisition = null;
		while (true) {
			State current = currentState();
			Instant now = this.clock.instant();
			if (current.token() != null && now.isBefore(current.token().usableUntil())) {
				return Mono.just(current.token().accessToken());
			}
			if (current.inFlight() != null) {
				return waitFor(current.inFlight());
			}
			if (this.closed) {
				return Mono.error(ZitadelTokenSource::closedException);
			}
			if (current.failure() != null && now.isBefore(current.failure().notBefore())) {
				return coolingDown(current.failure(), now);
			}
			acquisition = (acquisition != null) ? acquisition : new Acquisition(false);
			if (this.state.compareAndSet(current, current.withInFlight(acquisition))) {
				start(acquisition);
				return waitFor(acquisition);
			}
		}
	}

	private Mono<OAuth2AccessToken> waitFor(Acquisition acquisition) {
		Duration maxWait = this.settings.maxCallerWait();
		// Each caller waits on the shared result: its timeout or cancellation is its own, and
		// so is its exception.
		return acquisition.result.asMono()
			.onErrorMap(ZitadelTokenException.class, ZitadelTokenException::forAnotherCaller)
			.timeout(maxWait, Mono.error(() -> noTokenWithin(maxWait, true)));
	}

	private Mono<OAuth2AccessToken> coolingDown(Failure failure, Instant now) {
		ZitadelTokenCoolDownException exception = new ZitadelTokenCoolDownException(failure.exception(),
				failure.notBefore(), Duration.between(now, failure.notBefore()));
		try {
			return this.observer.observe(Mono.error(exception), false);
		}
		catch (RuntimeException ex) {
			return Mono.error(exception);
		}
	}

	/**
	 * Starts a token request; the slot it holds is released on every way it can end,
	 * including an exception thrown here by the fetcher or the observer.
	 */
	private void start(Acquisition acquisition) {
		try {
			Duration maxAcquisition = this.settings.maxAcquisition();
			Mono<OAuth2AccessToken> attempts = Mono.defer(this.fetcher::fetchToken)
				.retryWhen(this.retry)
				.switchIfEmpty(Mono.error(ZitadelTokenSource::completedEmpty))
				.timeout(maxAcquisition)
				.onErrorMap((ex) -> explain(ex, maxAcquisition));
			acquisition.subscription = this.observer.observe(attempts, acquisition.background)
				.switchIfEmpty(Mono.error(ZitadelTokenSource::completedEmpty))
				.timeout(maxAcquisition.plus(SAFETY_NET_DELAY))
				.doFinally((signal) -> {
					if (signal == SignalType.CANCEL) {
						finish(acquisition, null, new IllegalStateException("The token request was cancelled"));
					}
				})
				.subscribe((token) -> finish(acquisition, token, null), (ex) -> finish(acquisition, null, ex));
			if (this.closed) {
				// close() ran while this acquisition was being started.
				acquisition.cancel();
			}
		}
		catch (Throwable ex) {
			finish(acquisition, null, ex);
		}
	}

	/**
	 * Records how an acquisition ended and only then releases its slot, in one step, so
	 * that no caller can start another request before the failure is remembered or the
	 * refresh is postponed; then wakes up the callers that wait for it.
	 */
	private void finish(Acquisition acquisition, @Nullable OAuth2AccessToken token, @Nullable Throwable failure) {
		if (!acquisition.finished.compareAndSet(false, true)) {
			return;
		}
		if (this.closed) {
			// Shutting down: nothing is cached, remembered, scheduled or logged any more.
			update((current) -> current.release(acquisition));
			acquisition.result.tryEmitError(closedException());
			return;
		}
		Instant now = this.clock.instant();
		if (token != null) {
			CachedToken cached = CachedToken.of(token, now);
			this.lastAcquiredAt = now;
			update((current) -> current.release(acquisition).withToken(cached).withFailure(null));
			this.callEvidence.tokenAcquired();
			scheduleRefresh(cached);
			acquisition.result.tryEmitValue(token);
			return;
		}
		ZitadelTokenException explained = explain((failure != null) ? failure : completedEmpty(),
				this.settings.maxAcquisition());
		State after = update((current) -> failed(current.release(acquisition), explained, now));
		this.callEvidence.tokenFailed(explained);
		CachedToken stillUsable = after.token();
		if (stillUsable != null && now.isBefore(stillUsable.usableUntil())) {
			scheduleRefresh(stillUsable);
		}
		warn(explained, after, now);
		acquisition.result.tryEmitError(explained);
	}

	private State failed(State current, ZitadelTokenException exception, Instant now) {
		int failures = (current.failure() != null) ? current.failure().count() + 1 : 1;
		boolean refusal = exception.isRefusal();
		Duration retryAfter = retryAfter(exception);
		// A refusal will not go away by asking again at once; an outage might.
		Duration pause = (refusal) ? backOff(failures) : ((failures > 1) ? backOff(failures - 1) : Duration.ZERO);
		Failure failure = new Failure(exception, now.plus(max(pause, retryAfter)), failures);
		CachedToken token = current.token();
		if (token != null && now.isBefore(token.usableUntil())) {
			// The token in use is still good: try again within the time it has left. After a
			// refusal or a Retry-After, not before the pause that ZITADEL's answer asks for;
			// after an outage, sooner, so that an outage shorter than the headroom reaches no
			// caller.
			Duration left = Duration.between(now, token.usableUntil());
			Duration delay = max(MINIMUM_REFRESH_DELAY, min(backOff(failures), left.dividedBy(4)));
			Instant refreshAt = now.plus(delay);
			token = token.withRefreshAt((refusal || !retryAfter.isZero()) ? latest(refreshAt, failure.notBefore())
					: refreshAt);
		}
		return current.withToken(token).withFailure(failure);
	}

	/**
	 * The current state. Never {@code null}: it starts as {@link State#EMPTY} and is only
	 * ever replaced by another state, but NullAway models every
	 * {@link AtomicReference#get()} as nullable.
	 */
	private State currentState() {
		return Objects.requireNonNull(this.state.get(), "state");
	}

	private State update(UnaryOperator<State> change) {
		while (true) {
			State current = currentState();
			State next = change.apply(current);
			if (this.state.compareAndSet(current, next)) {
				return next;
			}
		}
	}

	/** {@code coolDown * 2^(n-1)}, at most {@code maxCoolDown}. */
	private Duration backOff(int consecutive) {
		Duration pause = this.settings.coolDown().multipliedBy(1L << Math.min(Math.max(consecutive - 1, 0), 30));
		return min(pause, this.settings.maxCoolDown());
	}

	private Duration retryAfter(ZitadelTokenException exception) {
		TokenEndpointException answer = exception.getEndpointFailure();
		Duration retryAfter = (answer != null) ? answer.getRetryAfter() : null;
		return (retryAfter != null) ? min(retryAfter, this.settings.maxRetryAfter()) : Duration.ZERO;
	}

	/**
	 * One WARN per kind of failure and minute, so that an outage is visible without
	 * flooding the log; the rest at DEBUG.
	 */
	private void warn(ZitadelTokenException exception, State after, Instant now) {
		String message = describe(after, now) + exception.getMessage();
		if (firstOfItsKindThisMinute(kind(exception), now)) {
			logger.warn(message);
		}
		else if (logger.isDebugEnabled()) {
			logger.debug(message);
		}
	}

	/** Whether a warning of this kind is due: the first, or the first in {@link #WARN_INTERVAL}. */
	private boolean firstOfItsKindThisMinute(String kind, Instant now) {
		Warning previous = this.lastWarning.get();
		boolean repeated = previous != null && previous.kind().equals(kind)
				&& now.isBefore(previous.at().plus(WARN_INTERVAL));
		return !repeated && this.lastWarning.compareAndSet(previous, new Warning(kind, now));
	}

	private static String describe(State after, Instant now) {
		CachedToken token = after.token();
		if (token != null && now.isBefore(token.usableUntil())) {
			return "Refreshing the ZITADEL access token failed; the current token stays in use until "
					+ token.usableUntil() + " and the refresh is tried again at " + token.refreshAt() + ". ";
		}
		Failure failure = after.failure();
		return (failure != null && now.isBefore(failure.notBefore()))
				? "No ZITADEL access token; no new token request before " + failure.notBefore() + ". " : "";
	}

	private static String kind(ZitadelTokenException exception) {
		TokenEndpointException answer = exception.getEndpointFailure();
		Throwable cause = (exception.getCause() != null) ? exception.getCause() : exception;
		return exception.getError().getErrorCode() + "|" + exception.getError().getDescription() + "|"
				+ ((answer != null) ? answer.getStatusCode() : cause.getClass().getName());
	}

	private static ZitadelTokenException explain(Throwable failure, Duration maxWait) {
		if (failure instanceof ZitadelTokenException explained) {
			return explained;
		}
		if (failure instanceof TimeoutException) {
			return new ZitadelTokenException(new OAuth2Error(OAuth2ErrorCodes.SERVER_ERROR, "timeout", null),
					"Could not obtain an access token from ZITADEL: no access token within " + format(maxWait), null,
					failure);
		}
		// A fetcher of the application's own may not explain its failures: keep what the
		// token endpoint answered, so that failures are still told apart.
		TokenEndpointException answer = (failure instanceof TokenEndpointException endpointFailure) ? endpointFailure
				: null;
		OAuth2Error error = (answer != null) ? answer.getError()
				: new OAuth2Error(OAuth2ErrorCodes.SERVER_ERROR, "unexpected failure", null);
		String reason = failure.getClass().getSimpleName()
				+ ((failure.getMessage() != null) ? ": " + failure.getMessage() : "");
		return new ZitadelTokenException(error,
				"Could not obtain an access token from ZITADEL: the token request failed (" + reason + ")", answer,
				failure);
	}

	private static ZitadelTokenException noTokenWithin(Duration maxWait, boolean requestGoesOn) {
		return new ZitadelTokenException(new OAuth2Error(OAuth2ErrorCodes.SERVER_ERROR, "timeout", null),
				"Could not obtain an access token from ZITADEL: no access token within " + format(maxWait)
						+ ((requestGoesOn) ? " (zitadel.token.max-wait); the token request goes on, and later calls "
								+ "get its outcome" : ""),
				null, new TimeoutException("No access token within " + format(maxWait)));
	}

	private static ZitadelTokenException closedException() {
		IllegalStateException cause = new IllegalStateException("The ZITADEL token source is closed");
		return new ZitadelTokenException(new OAuth2Error(OAuth2ErrorCodes.SERVER_ERROR, "closed", null),
				"No access token from ZITADEL: the token source is closed (the application is shutting down)", null,
				cause);
	}

	private static ZitadelTokenException completedEmpty() {
		IllegalStateException cause = new IllegalStateException("The token request completed without a token");
		return new ZitadelTokenException(new OAuth2Error(OAuth2ErrorCodes.SERVER_ERROR, "no token", null),
				"Could not obtain an access token from ZITADEL: the token request completed without a token", null,
				cause);
	}

	static String format(Duration duration) {
		long millis = duration.toMillis();
		if (millis % 1000 == 0 || millis >= 10_000) {
			return ((millis + 999) / 1000) + " s";
		}
		return millis + " ms";
	}

	private static Instant latest(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Duration max(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

	/**
	 * How long callers wait and how long failures are remembered.
	 *
	 * @param maxAcquisition the longest one acquisition, all its attempts included, may take
	 * @param maxCallerWait the longest any caller waits for a token; the acquisition it
	 * waits for goes on when the caller gives up
	 * @param coolDown the pause after a failed acquisition (from the first refusal, from the
	 * second failure otherwise), doubling with each further consecutive failure; also the
	 * first pause between two tokens dropped because an API refused them
	 * @param maxCoolDown the longest such pause
	 * @param maxRetryAfter the longest {@code Retry-After} of the token endpoint that is
	 * honoured
	 */
	public record Settings(Duration maxAcquisition, Duration maxCallerWait, Duration coolDown, Duration maxCoolDown,
			Duration maxRetryAfter) {

		public Settings {
			Assert.isTrue(!maxAcquisition.isNegative() && !maxAcquisition.isZero(), "maxAcquisition must be positive");
			Assert.isTrue(!maxCallerWait.isNegative() && !maxCallerWait.isZero(), "maxCallerWait must be positive");
			Assert.isTrue(!coolDown.isNegative(), "coolDown must not be negative");
			Assert.isTrue(maxCoolDown.compareTo(coolDown) >= 0, "maxCoolDown must not be shorter than coolDown");
			Assert.isTrue(!maxRetryAfter.isNegative(), "maxRetryAfter must not be negative");
		}

		/**
		 * The defaults of the {@code zitadel.token.*} properties: an acquisition of 45 s at
		 * most (30 s of retries plus one 15 s request), callers who wait 10 s at most, a
		 * cool-down from 2 s to 1 min, and a {@code Retry-After} of up to 5 min.
		 * @return the default settings
		 */
		public static Settings defaults() {
			return new Settings(Duration.ofSeconds(45), Duration.ofSeconds(10), Duration.ofSeconds(2),
					Duration.ofMinutes(1), Duration.ofMinutes(5));
		}

	}

	/** Everything that changes, replaced as a whole by compare-and-set. */
	private record State(@Nullable CachedToken token, @Nullable Acquisition inFlight, @Nullable Failure failure,
			@Nullable Refusals refusals) {

		static final State EMPTY = new State(null, null, null, null);

		State withToken(@Nullable CachedToken token) {
			return new State(token, this.inFlight, this.failure, this.refusals);
		}

		State withInFlight(Acquisition inFlight) {
			return new State(this.token, inFlight, this.failure, this.refusals);
		}

		State release(Acquisition acquisition) {
			return (this.inFlight == acquisition) ? new State(this.token, null, this.failure, this.refusals) : this;
		}

		State withFailure(@Nullable Failure failure) {
			return new State(this.token, this.inFlight, failure, this.refusals);
		}

		State withRefusals(Refusals refusals) {
			return new State(this.token, this.inFlight, this.failure, refusals);
		}

	}

	/** One token request, all its attempts included, and the callers waiting for it. */
	private static final class Acquisition {

		final boolean background;

		final Sinks.One<OAuth2AccessToken> result = Sinks.one();

		final AtomicBoolean finished = new AtomicBoolean();

		volatile @Nullable Disposable subscription;

		Acquisition(boolean background) {
			this.background = background;
		}

		void cancel() {
			Disposable running = this.subscription;
			if (running != null) {
				running.dispose();
			}
		}

	}

	/** The last of {@code count} consecutive failed acquisitions, and until when not to ask again. */
	private record Failure(ZitadelTokenException exception, Instant notBefore, int count) {

	}

	/** The last of {@code count} tokens dropped in a row because an API refused them. */
	private record Refusals(Instant lastDropAt, int count) {

	}

	private record Warning(String kind, Instant at) {

	}

	/** A token with the instants at which to refresh it and to stop handing it out. */
	record CachedToken(OAuth2AccessToken accessToken, Instant refreshAt, Instant usableUntil) {

		/**
		 * Anchors the token's lifetime ({@code expires_in}) to the instant it was received
		 * by this source's clock: refreshed {@code min(lifetime/2, 10 min)} before it
		 * expires (half-way through a short token's life, 10 minutes before the end of a
		 * long one), handed out until {@code min(lifetime/10, 30 s)} before (the last tenth
		 * of a short token's life, the last 30 s of a long one). For a 20 s token: refreshed
		 * at 10 s, handed out until 18 s; 5 min: 2.5 min and 4.5 min; 12 h: 11 h 50 min and
		 * 11 h 59 min 30 s.
		 */
		static CachedToken of(OAuth2AccessToken token, Instant receivedAt) {
			Duration lifetime = (token.getIssuedAt() != null && token.getExpiresAt() != null)
					? Duration.between(token.getIssuedAt(), token.getExpiresAt()) : Duration.ZERO;
			if (lifetime.isNegative()) {
				lifetime = Duration.ZERO;
			}
			Instant expiresAt = receivedAt.plus(lifetime);
			Duration headroom = min(lifetime.dividedBy(2), MAXIMUM_REFRESH_HEADROOM);
			Duration margin = min(lifetime.dividedBy(10), MAXIMUM_EXPIRY_MARGIN);
			return new CachedToken(token, expiresAt.minus(headroom), expiresAt.minus(margin));
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
