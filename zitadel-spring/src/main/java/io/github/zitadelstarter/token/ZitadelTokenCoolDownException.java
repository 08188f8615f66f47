package io.github.zitadelstarter.token;

import java.time.Duration;
import java.time.Instant;

/**
 * No access token, and none is requested yet: the last acquisition failed, and the
 * {@link ZitadelTokenSource} does not ask ZITADEL again before {@link #getNextAttemptAt()}.
 * The last failure is the cause, and its error and endpoint answer are this exception's.
 */
public class ZitadelTokenCoolDownException extends ZitadelTokenException {

	private final Instant nextAttemptAt;

	ZitadelTokenCoolDownException(ZitadelTokenException lastFailure, Instant nextAttemptAt, Duration remaining) {
		super(lastFailure.getError(), "No access token: ZITADEL's token endpoint is not asked again before "
				+ nextAttemptAt + " (in " + ZitadelTokenSource.format(remaining) + ") after the last failure. "
				+ lastFailure.getMessage(), lastFailure.getEndpointFailure(), lastFailure);
		this.nextAttemptAt = nextAttemptAt;
	}

	/**
	 * When the token source starts the next token request, at the earliest.
	 * @return the instant
	 */
	public Instant getNextAttemptAt() {
		return this.nextAttemptAt;
	}

}
