package io.github.zitadelstarter.api.authorization;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The field a list of authorizations is sorted by; unspecified means the creation date.
 */
public enum AuthorizationFieldName {

	/** Not set, or a value this client does not know yet. */
	@JsonEnumDefaultValue
	AUTHORIZATION_FIELD_NAME_UNSPECIFIED,

	/** The creation date. */
	AUTHORIZATION_FIELD_NAME_CREATED_DATE,

	/** The date of the last change. */
	AUTHORIZATION_FIELD_NAME_CHANGED_DATE,

	/** The authorization's id. */
	AUTHORIZATION_FIELD_NAME_ID,

	/** The user's id. */
	AUTHORIZATION_FIELD_NAME_USER_ID,

	/** The project's id. */
	AUTHORIZATION_FIELD_NAME_PROJECT_ID,

	/** The id of the organization the authorization belongs to. */
	AUTHORIZATION_FIELD_NAME_ORGANIZATION_ID,

	/** The id of the user's organization. */
	AUTHORIZATION_FIELD_NAME_USER_ORGANIZATION_ID

}
