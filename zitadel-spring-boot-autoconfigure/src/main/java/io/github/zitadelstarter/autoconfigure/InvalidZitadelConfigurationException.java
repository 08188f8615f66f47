package io.github.zitadelstarter.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * A {@code zitadel.*} property that cannot work, with what to do about it. Never carries key
 * material.
 */
public class InvalidZitadelConfigurationException extends IllegalStateException {

	private final String property;

	private final String description;

	private final String action;

	public InvalidZitadelConfigurationException(String property, String description, String action) {
		this(property, description, action, null);
	}

	public InvalidZitadelConfigurationException(String property, String description, String action,
			@Nullable Throwable cause) {
		super(description + ". " + action, cause);
		this.property = property;
		this.description = description;
		this.action = action;
	}

	/** The property, or group of properties, that is wrong, such as {@code zitadel.issuer}. */
	public String getProperty() {
		return this.property;
	}

	/** What is wrong. */
	public String getDescription() {
		return this.description;
	}

	/** What to do about it. */
	public String getAction() {
		return this.action;
	}

}
