package io.github.zitadelstarter.autoconfigure;

/**
 * The application uses what the starter provides (the {@code zitadel} HTTP service group,
 * the {@code zitadelWebClient} or {@code zitadelRestClient}) while the starter is switched
 * off.
 */
public class ZitadelNotConfiguredException extends IllegalStateException {

	private final String reason;

	private final String what;

	ZitadelNotConfiguredException(String what, String reason) {
		super(message(what, reason));
		this.what = what;
		this.reason = reason;
	}

	static String message(String what, String reason) {
		return "The application uses " + what + ", but the ZITADEL starter is switched off: " + reason
				+ ". Nothing would authenticate its requests to ZITADEL";
	}

	static String action(String reason) {
		return reason.startsWith("zitadel.enabled") ? "Remove zitadel.enabled=false, or stop using what the starter provides."
				: "Set zitadel.issuer to your instance's URL and a service user credential, such as "
						+ "zitadel.service-user.key-file with the service user's JSON key, or stop using what the starter "
						+ "provides.";
	}

	/** What the application uses, such as the HTTP service group 'zitadel'. */
	public String getWhat() {
		return this.what;
	}

	/** Why the starter is off. */
	public String getReason() {
		return this.reason;
	}

}
