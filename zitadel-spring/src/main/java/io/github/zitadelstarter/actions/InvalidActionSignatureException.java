package io.github.zitadelstarter.actions;

/**
 * A call that is not ZITADEL's, or not as ZITADEL sent it: its {@code ZITADEL-Signature} is
 * missing, unreadable, too old or too new, or made with another key or over another body. The
 * message names the reason only, never a key, a signature or the body.
 */
public class InvalidActionSignatureException extends RuntimeException {

	private final Reason reason;

	/**
	 * Creates the exception.
	 * @param reason why the call was refused
	 */
	public InvalidActionSignatureException(Reason reason) {
		super(reason.description);
		this.reason = reason;
	}

	/**
	 * Why the call was refused.
	 * @return the reason
	 */
	public Reason getReason() {
		return this.reason;
	}

	/** Why a call was refused. */
	public enum Reason {

		/** No {@code ZITADEL-Signature} header. */
		MISSING_HEADER("The call has no ZITADEL-Signature header"),

		/** A header that is not {@code t=<unix seconds>,v1=<hex>...}. */
		MALFORMED_HEADER("The call's ZITADEL-Signature header is not t=<unix seconds>,v1=<hex>"),

		/** A {@code t} outside the tolerance: a replayed call, or clocks far apart. */
		TIMESTAMP_OUTSIDE_TOLERANCE("The call's ZITADEL-Signature time is outside the tolerance"
				+ " (a replayed call, or the clocks of ZITADEL and the application disagree)"),

		/** No {@code v1} made with one of the application's keys over the body as received. */
		NO_MATCHING_SIGNATURE("No signature of the call matches its body under the target's signing keys");

		private final String description;

		Reason(String description) {
			this.description = description;
		}

		/**
		 * What the reason means, for a log line.
		 * @return the description
		 */
		public String getDescription() {
			return this.description;
		}

	}

}
