package io.github.zitadelstarter.key;

/**
 * Thrown when a service user key file cannot be used; the message never contains key material.
 */
public class InvalidServiceUserKeyException extends RuntimeException {

	private final String action;

	public InvalidServiceUserKeyException(String message, String action) {
		super(message);
		this.action = action;
	}

	public InvalidServiceUserKeyException(String message, String action, Throwable cause) {
		super(message, cause);
		this.action = action;
	}

	/** The message, never {@code null}: every constructor takes one. */
	@Override
	public String getMessage() {
		String message = super.getMessage();
		return (message != null) ? message : "";
	}

	/** What the person who configured the key should do about it. */
	public String getAction() {
		return this.action;
	}

}
