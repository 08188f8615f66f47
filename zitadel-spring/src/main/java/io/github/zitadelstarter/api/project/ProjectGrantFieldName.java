package io.github.zitadelstarter.api.project;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The field a list of project grants is sorted by; unspecified means the creation date.
 */
public enum ProjectGrantFieldName {

	/** Not set, or a value this client does not know yet. */
	@JsonEnumDefaultValue
	PROJECT_GRANT_FIELD_NAME_UNSPECIFIED,

	/** The project's id. */
	PROJECT_GRANT_FIELD_NAME_PROJECT_ID,

	/** The creation date. */
	PROJECT_GRANT_FIELD_NAME_CREATION_DATE,

	/** The date of the last change. */
	PROJECT_GRANT_FIELD_NAME_CHANGE_DATE

}
