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

	/** What the person who configured the key should do about it. */
	public String getAction() {
		return this.action;
	}

}
