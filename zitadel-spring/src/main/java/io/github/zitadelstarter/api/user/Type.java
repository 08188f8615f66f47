package io.github.zitadelstarter.api.user;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * A user's type ({@code zitadel.user.v2.Type}).
 */
public enum Type {

	/** Also what a value unknown to this client reads as. */
	@JsonEnumDefaultValue
	TYPE_UNSPECIFIED,
	TYPE_HUMAN,
	TYPE_MACHINE

}
