package io.github.zitadelstarter.api.user;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * A user's state ({@code zitadel.user.v2.UserState}).
 */
public enum UserState {

	/** Also what a value unknown to this client reads as. */
	@JsonEnumDefaultValue
	USER_STATE_UNSPECIFIED,
	USER_STATE_ACTIVE,
	USER_STATE_INACTIVE,
	USER_STATE_DELETED,
	USER_STATE_LOCKED,
	USER_STATE_INITIAL

}
