package io.github.zitadelstarter.token;

import java.time.Clock;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.core.NestedExceptionUtils;

/**
 * What the latest calls showed about whether ZITADEL accepts the service user's calls: the
 * answers of API calls and their connection failures, as the transports saw them, and the
 * outcome of token acquisitions. Health reads it instead of asking ZITADEL while it is fresh.
 * Recording an accepted call costs a volatile read, and a write at most once a millisecond.
 */
public final class ZitadelCallEvidence {

	private final Clock clock;

	private volatile long lastAcceptedAt = Long.MIN_VALUE;

	private volatile @Nullable Evidence lastRefusal;

	/**
	 * Creates an empty record.
	 * @param clock the clock that dates the evidence
	 */
	public ZitadelCallEvidence(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Records the answer of an API call. A 401 says that ZITADEL refused the token; a 502, 503
	 * or 504 that ZITADEL, or the proxy in front of it, is not serving; anything else that
	 * ZITADEL accepted the call, whatever the call's own outcome.
	 * @param status the HTTP status of the answer
	 */
	public void answered(int status) {
		if (status == 401) {
			refused("ZITADEL refused the service user's access token (HTTP 401)");
		}
		else if (status == 502 || status == 503 || status == 504) {
			refused("ZITADEL's API answered HTTP " + status + ": it, or the proxy in front of it, is not serving");
		}
		else {
			accepted();
		}
	}

	/**
	 * Records an API call that got no answer.
	 * @param failure why
	 */
	public void unreachable(Throwable failure) {
		Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
		refused("ZITADEL's API could not be reached (" + cause.getClass().getSimpleName()
				+ ((cause.getMessage() != null) ? ": " + cause.getMessage() : "") + ")");
	}

	/**
	 * Records that ZITADEL refused a token that cannot be replaced, with the reason that says
	 * what to do.
	 * @param reason the reason
	 */
	public void refusedForGood(String reason) {
		refused(reason);
	}

	/** Records that a token was obtained. */
	public void tokenAcquired() {
		accepted();
	}

	/**
	 * Records that no token could be obtained.
	 * @param failure the explanation
	 */
	public void tokenFailed(Throwable failure) {
		refused((failure.getMessage() != null) ? failure.getMessage() : failure.getClass().getSimpleName());
	}

	/**
	 * The latest evidence, if any.
	 * @return what the latest call showed, or {@code null} before any call
	 */
	public @Nullable Evidence latest() {
		long acceptedAt = this.lastAcceptedAt;
		Evidence refusal = this.lastRefusal;
		if (refusal != null && refusal.at().toEpochMilli() >= acceptedAt) {
			return refusal;
		}
		return (acceptedAt != Long.MIN_VALUE) ? new Evidence(Instant.ofEpochMilli(acceptedAt), true, null) : null;
	}

	/** Forgets everything recorded so far. */
	void clear() {
		this.lastRefusal = null;
		this.lastAcceptedAt = Long.MIN_VALUE;
	}

	private void accepted() {
		long now = this.clock.millis();
		// Many calls end in the same millisecond: writing the same value again would only make
		// the cores fight over one cache line.
		if (this.lastAcceptedAt != now) {
			this.lastAcceptedAt = now;
		}
	}

	private void refused(String reason) {
		this.lastRefusal = new Evidence(Instant.ofEpochMilli(this.clock.millis()), false, reason);
	}

	/**
	 * What a call showed.
	 * @param at when
	 * @param accepted whether ZITADEL accepted it
	 * @param reason why not, when it did not
	 */
	public record Evidence(Instant at, boolean accepted, @Nullable String reason) {
	}

}
