package io.github.zitadelstarter.api.user;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The field a user list is sorted by ({@code zitadel.user.v2.UserFieldName}).
 */
public enum UserFieldName {

	/** Also what a value unknown to this client reads as. */
	@JsonEnumDefaultValue
	USER_FIELD_NAME_UNSPECIFIED,
	USER_FIELD_NAME_USER_NAME,
	USER_FIELD_NAME_FIRST_NAME,
	USER_FIELD_NAME_LAST_NAME,
	USER_FIELD_NAME_NICK_NAME,
	USER_FIELD_NAME_DISPLAY_NAME,
	USER_FIELD_NAME_EMAIL,
	USER_FIELD_NAME_STATE,
	USER_FIELD_NAME_TYPE,
	USER_FIELD_NAME_CREATION_DATE

}
