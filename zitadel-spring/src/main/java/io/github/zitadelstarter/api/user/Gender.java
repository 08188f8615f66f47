package io.github.zitadelstarter.api.user;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * A user's gender ({@code zitadel.user.v2.Gender}).
 */
public enum Gender {

	/** Also what a value unknown to this client reads as. */
	@JsonEnumDefaultValue
	GENDER_UNSPECIFIED,
	GENDER_FEMALE,
	GENDER_MALE,
	GENDER_DIVERSE

}
