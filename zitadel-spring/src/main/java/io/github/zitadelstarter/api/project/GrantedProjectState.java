package io.github.zitadelstarter.api.project;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The state of a project granted to an organization, unspecified for a project that is not granted.
 */
public enum GrantedProjectState {

	/** Not set, or a value this client does not know yet. */
	@JsonEnumDefaultValue
	GRANTED_PROJECT_STATE_UNSPECIFIED,

	/** Active. */
	GRANTED_PROJECT_STATE_ACTIVE,

	/** Deactivated. */
	GRANTED_PROJECT_STATE_INACTIVE

}
