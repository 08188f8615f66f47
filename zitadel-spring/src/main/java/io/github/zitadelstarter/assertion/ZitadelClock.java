package io.github.zitadelstarter.assertion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * This machine's clock, corrected to ZITADEL's when the two disagree by more than the
 * assertion's allowance. ZITADEL allows one second of skew and answers an assertion dated by
 * a clock that runs ahead (or so far behind that it has already expired) with the same
 * {@code 500 Errors.Internal} as every other rejection. Its answers carry its own clock in
 * the {@code Date} header, rejections included: from that, the offset is learned, and the
 * next assertion is dated by ZITADEL's clock, without a change of configuration.
 */
public final class ZitadelClock extends Clock {

	private static final Log logger = LogFactory.getLog(ZitadelClock.class);

	/** Offsets up to this are reported only when they change by more than it. */
	private static final Duration REPORTING_THRESHOLD = Duration.ofMinutes(1);

	private final Clock local;

	private final Duration allowance;

	private volatile Duration offset = Duration.ZERO;

	private volatile Duration reportedOffset = Duration.ZERO;

	/**
	 * Creates the clock.
	 * @param local this machine's clock
	 * @param allowance how far the clocks may disagree before assertions are dated by
	 * ZITADEL's clock, such as {@code zitadel.assertion.clock-skew}
	 */
	public ZitadelClock(Clock local, Duration allowance) {
		this.local = local;
		this.allowance = allowance;
	}

	/**
	 * Learns ZITADEL's clock from an answer's {@code Date} header.
	 * @param serverDate the {@code Date} of ZITADEL's answer, to the second, if it had one
	 * @param receivedAt when this machine received the answer, by its own clock
	 */
	public void observe(@Nullable Instant serverDate, Instant receivedAt) {
		if (serverDate == null) {
			return;
		}
		// Date is truncated to the second: ZITADEL's clock read up to a second later. Taking
		// the Date as it is errs towards dating assertions a little early, which is safe.
		Duration measured = Duration.between(receivedAt, serverDate);
		Duration applied = (measured.abs().compareTo(this.allowance) > 0) ? measured : Duration.ZERO;
		this.offset = applied;
		report(measured, applied);
	}

	private void report(Duration measured, Duration applied) {
		Duration reported = this.reportedOffset;
		boolean significant = !applied.isZero() || measured.abs().compareTo(REPORTING_THRESHOLD) > 0;
		if (!significant || measured.minus(reported).abs().compareTo(Duration.ofSeconds(2)) <= 0) {
			return;
		}
		this.reportedOffset = measured;
		String direction = measured.isNegative() ? "ahead of" : "behind";
		logger.warn("This machine's clock is " + measured.abs().toSeconds() + " s " + direction
				+ " ZITADEL's (read from the Date header of its answers). "
				+ (applied.isZero() ? "That is within zitadel.assertion.clock-skew (" + this.allowance.toSeconds() + " s). "
						: "Assertions are dated by ZITADEL's clock from now on. ")
				+ "Keep the machine's time in sync (NTP).");
	}

	/**
	 * How far ZITADEL's clock is ahead of this machine's (negative when this machine's runs
	 * ahead), as applied to assertions: zero while within the allowance.
	 * @return the offset
	 */
	public Duration getOffset() {
		return this.offset;
	}

	@Override
	public Instant instant() {
		Duration applied = this.offset;
		Instant now = this.local.instant();
		return applied.isZero() ? now : now.plus(applied);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
