package io.github.zitadelstarter.api.project;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The field a list of projects is sorted by; unspecified means the creation date.
 */
public enum ProjectFieldName {

	/** Not set, or a value this client does not know yet. */
	@JsonEnumDefaultValue
	PROJECT_FIELD_NAME_UNSPECIFIED,

	/** The id. */
	PROJECT_FIELD_NAME_ID,

	/** The creation date. */
	PROJECT_FIELD_NAME_CREATION_DATE,

	/** The date of the last change. */
	PROJECT_FIELD_NAME_CHANGE_DATE,

	/** The name. */
	PROJECT_FIELD_NAME_NAME

}
