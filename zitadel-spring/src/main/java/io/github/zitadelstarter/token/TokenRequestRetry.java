package io.github.zitadelstarter.token;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.util.Assert;

/**
 * When to try a failed token request again: after connection errors, timeouts, 5xx and
 * 429, with exponential backoff and jitter, honouring {@code Retry-After}, within a bounded
 * number of attempts and a bounded total time. A request that ZITADEL refused for its shape
 * (400) is not retried. A rejected assertion looks exactly like an outage
 * ({@code 500 Errors.Internal}), so it is retried, but only a few times.
 */
public final class TokenRequestRetry extends Retry {

	private final int maxAttempts;

	private final int rejectedAssertionAttempts;

	private final Duration initialBackoff;

	private final Duration maxBackoff;

	private final Duration maxElapsed;

	/**
	 * Creates the policy.
	 * @param maxAttempts attempts in all, the first included
	 * @param rejectedAssertionAttempts attempts in all while ZITADEL answers
	 * {@code 500 Errors.Internal}
	 * @param initialBackoff the wait before the second attempt; it doubles with each
	 * attempt
	 * @param maxBackoff the longest wait between two attempts
	 * @param maxElapsed the time after which no attempt is started any more
	 */
	public TokenRequestRetry(int maxAttempts, int rejectedAssertionAttempts, Duration initialBackoff,
			Duration maxBackoff, Duration maxElapsed) {
		Assert.isTrue(maxAttempts >= 1, "maxAttempts must be at least 1");
		Assert.isTrue(rejectedAssertionAttempts >= 1, "rejectedAssertionAttempts must be at least 1");
		this.maxAttempts = maxAttempts;
		this.rejectedAssertionAttempts = rejectedAssertionAttempts;
		this.initialBackoff = initialBackoff;
		this.maxBackoff = maxBackoff;
		this.maxElapsed = maxElapsed;
	}

	@Override
	public Publisher<?> generateCompanion(Flux<RetrySignal> retrySignals) {
		long start = System.nanoTime();
		return retrySignals.concatMap((signal) -> {
			int attempts = (int) signal.totalRetries() + 1;
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			Duration delay = delayBeforeNextAttempt(signal.failure(), attempts, elapsed);
			return (delay != null) ? Mono.delay(delay) : Mono.error(giveUp(signal.failure(), attempts, elapsed));
		});
	}

	/**
	 * How long to wait before the next attempt, or {@code null} to give up.
	 * @param failure how the last attempt failed
	 * @param attempts the attempts made so far
	 * @param elapsed the time since the first attempt started
	 * @return the delay, or {@code null}
	 */
	@Nullable Duration delayBeforeNextAttempt(Throwable failure, int attempts, Duration elapsed) {
		if (!isTransient(failure) || attempts >= this.maxAttempts
				|| (isRejectedAssertion(failure) && attempts >= this.rejectedAssertionAttempts)) {
			return null;
		}
		Duration retryAfter = retryAfter(failure);
		Duration delay = (retryAfter != null) ? retryAfter : jitteredBackoff(attempts);
		return (elapsed.plus(delay).compareTo(this.maxElapsed) <= 0) ? delay : null;
	}

	/** Half the exponential backoff, plus a random share of the other half. */
	private Duration jitteredBackoff(int attempts) {
		long backoff = this.initialBackoff.toMillis() << Math.min(attempts - 1, 20);
		backoff = Math.min(backoff, this.maxBackoff.toMillis());
		return Duration.ofMillis(backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
	}

	/**
	 * Whether a failed token request may succeed when repeated: ZITADEL did not answer, or
	 * answered 5xx or 429.
	 * @param failure the failure
	 * @return whether to retry
	 */
	static boolean isTransient(Throwable failure) {
		if (!(failure instanceof ZitadelTokenException tokenFailure)) {
			return false;
		}
		TokenEndpointException answer = tokenFailure.getEndpointFailure();
		return answer == null || answer.getStatusCode() >= 500 || answer.getStatusCode() == 429;
	}

	private static boolean isRejectedAssertion(Throwable failure) {
		return failure instanceof ZitadelTokenException tokenFailure && tokenFailure.getEndpointFailure() != null
				&& tokenFailure.getEndpointFailure().isProbablyRejectedAssertion();
	}

	private static @Nullable Duration retryAfter(Throwable failure) {
		return (failure instanceof ZitadelTokenException tokenFailure && tokenFailure.getEndpointFailure() != null)
				? tokenFailure.getEndpointFailure().getRetryAfter() : null;
	}

	private static Throwable giveUp(Throwable failure, int attempts, Duration elapsed) {
		return (failure instanceof ZitadelTokenException tokenFailure && attempts > 1)
				? tokenFailure.afterAttempts(attempts, elapsed) : failure;
	}

}
