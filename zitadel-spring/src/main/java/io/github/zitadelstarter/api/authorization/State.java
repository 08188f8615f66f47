package io.github.zitadelstarter.api.authorization;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The state of an authorization.
 */
public enum State {

	/** Not set, or a value this client does not know yet. */
	@JsonEnumDefaultValue
	STATE_UNSPECIFIED,

	/** Active: the user has the roles in the project. */
	STATE_ACTIVE,

	/** Inactive: left out of tokens and other authorization information until activated again. */
	STATE_INACTIVE

}
