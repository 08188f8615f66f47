package io.github.zitadelstarter.api.user;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The field a personal access token list is sorted by
 * ({@code zitadel.user.v2.PersonalAccessTokenFieldName}).
 */
public enum PersonalAccessTokenFieldName {

	/** Also what a value unknown to this client reads as. */
	@JsonEnumDefaultValue
	PERSONAL_ACCESS_TOKEN_FIELD_NAME_UNSPECIFIED,
	PERSONAL_ACCESS_TOKEN_FIELD_NAME_CREATED_DATE,
	PERSONAL_ACCESS_TOKEN_FIELD_NAME_ID,
	PERSONAL_ACCESS_TOKEN_FIELD_NAME_USER_ID,
	PERSONAL_ACCESS_TOKEN_FIELD_NAME_ORGANIZATION_ID,
	PERSONAL_ACCESS_TOKEN_FIELD_NAME_EXPIRATION_DATE

}
