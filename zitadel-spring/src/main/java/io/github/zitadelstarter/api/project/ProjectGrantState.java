package io.github.zitadelstarter.api.project;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The state of a project grant.
 */
public enum ProjectGrantState {

	/** Not set, or a value this client does not know yet. */
	@JsonEnumDefaultValue
	PROJECT_GRANT_STATE_UNSPECIFIED,

	/** Active. */
	PROJECT_GRANT_STATE_ACTIVE,

	/** Deactivated: applications under it cannot log users in. */
	PROJECT_GRANT_STATE_INACTIVE

}
