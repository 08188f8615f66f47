package io.github.zitadelstarter.actions;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Checks the {@code ZITADEL-Signature} of a call from ZITADEL over the raw body, as received:
 * {@code t} no further than the tolerance (300 s by default) from the application's clock, and
 * one {@code v1} (ZITADEL sends several while a target's key is rotated) equal, compared in
 * constant time, to the HMAC-SHA256 under one of the application's keys (one, or two while
 * the application itself moves to a new key). Immutable and thread-safe; {@link #toString()}
 * shows no key.
 */
public final class ActionSignatureVerifier {

	/** ZITADEL's own verifier's default tolerance. */
	public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);

	private final List<String> signingKeys;

	private final Duration tolerance;

	private final Clock clock;

	/**
	 * Creates a verifier.
	 * @param signingKeys the target's signing keys, one or more, none blank
	 * @param tolerance how far {@code t} may be from the clock, either way
	 * @param clock the application's clock
	 */
	public ActionSignatureVerifier(List<String> signingKeys, Duration tolerance, Clock clock) {
		Assert.notEmpty(signingKeys, "At least one signing key is needed");
		for (String key : signingKeys) {
			Assert.isTrue(StringUtils.hasText(key), "A signing key must not be blank");
		}
		Assert.isTrue(!tolerance.isNegative() && !tolerance.isZero(), "The tolerance must be positive");
		this.signingKeys = List.copyOf(signingKeys);
		this.tolerance = tolerance;
		this.clock = clock;
	}

	/**
	 * A verifier with the default tolerance and the system clock.
	 * @param signingKeys the target's signing keys, one or more
	 * @return the verifier
	 */
	public static ActionSignatureVerifier of(String... signingKeys) {
		return new ActionSignatureVerifier(List.of(signingKeys), DEFAULT_TOLERANCE, Clock.systemUTC());
	}

	/**
	 * Checks a call.
	 * @param body the raw body, exactly as received
	 * @param header the {@code ZITADEL-Signature} header, or {@code null} when there is none
	 * @throws InvalidActionSignatureException when the call is not ZITADEL's as it sent it
	 */
	public void verify(byte[] body, @Nullable String header) {
		if (!StringUtils.hasText(header)) {
			throw new InvalidActionSignatureException(InvalidActionSignatureException.Reason.MISSING_HEADER);
		}
		ActionSignature.Parsed parsed = ActionSignature.Parsed.parse(header);
		long now = this.clock.instant().getEpochSecond();
		// Both ways: a t from the future is not ZITADEL's either, unless clocks are far apart.
		if (Math.abs(now - parsed.seconds()) > this.tolerance.toSeconds()) {
			throw new InvalidActionSignatureException(
					InvalidActionSignatureException.Reason.TIMESTAMP_OUTSIDE_TOLERANCE);
		}
		boolean matched = false;
		for (String key : this.signingKeys) {
			byte[] expected = ActionSignature.hmac(key, parsed.seconds(), body);
			for (byte[] signature : parsed.signatures()) {
				// every pair is compared, so the time taken tells nothing about which one matched
				matched |= MessageDigest.isEqual(expected, signature);
			}
		}
		if (!matched) {
			throw new InvalidActionSignatureException(InvalidActionSignatureException.Reason.NO_MATCHING_SIGNATURE);
		}
	}

	/**
	 * Whether a call is ZITADEL's as it sent it.
	 * @param body the raw body
	 * @param header the {@code ZITADEL-Signature} header, or {@code null}
	 * @return whether {@link #verify} accepts it
	 */
	public boolean isValid(byte[] body, @Nullable String header) {
		try {
			verify(body, header);
			return true;
		}
		catch (InvalidActionSignatureException ex) {
			return false;
		}
	}

	@Override
	public String toString() {
		return "ActionSignatureVerifier[" + this.signingKeys.size() + " signing key(s), tolerance="
				+ this.tolerance + "]";
	}

}
