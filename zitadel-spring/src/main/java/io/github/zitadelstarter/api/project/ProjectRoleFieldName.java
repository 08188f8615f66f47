package io.github.zitadelstarter.api.project;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The field a list of project roles is sorted by; unspecified means the creation date.
 */
public enum ProjectRoleFieldName {

	/** Not set, or a value this client does not know yet. */
	@JsonEnumDefaultValue
	PROJECT_ROLE_FIELD_NAME_UNSPECIFIED,

	/** The role key. */
	PROJECT_ROLE_FIELD_NAME_KEY,

	/** The creation date. */
	PROJECT_ROLE_FIELD_NAME_CREATION_DATE,

	/** The date of the last change. */
	PROJECT_ROLE_FIELD_NAME_CHANGE_DATE

}
