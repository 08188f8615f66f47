package io.github.zitadelstarter.api.project;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The state of a project.
 */
public enum ProjectState {

	/** Not set, or a value this client does not know yet. */
	@JsonEnumDefaultValue
	PROJECT_STATE_UNSPECIFIED,

	/** Active: its applications can log users in. */
	PROJECT_STATE_ACTIVE,

	/** Deactivated: its applications cannot log users in. */
	PROJECT_STATE_INACTIVE

}
