package io.github.zitadelstarter.api.user;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The field a key list is sorted by ({@code zitadel.user.v2.KeyFieldName}).
 */
public enum KeyFieldName {

	/** Also what a value unknown to this client reads as. */
	@JsonEnumDefaultValue
	KEY_FIELD_NAME_UNSPECIFIED,
	KEY_FIELD_NAME_CREATED_DATE,
	KEY_FIELD_NAME_ID,
	KEY_FIELD_NAME_USER_ID,
	KEY_FIELD_NAME_ORGANIZATION_ID,
	KEY_FIELD_NAME_KEY_EXPIRATION_DATE

}
