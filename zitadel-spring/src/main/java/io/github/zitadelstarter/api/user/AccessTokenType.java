package io.github.zitadelstarter.api.user;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * The kind of access token a machine user gets ({@code zitadel.user.v2.AccessTokenType}); opaque
 * bearer tokens by default.
 */
public enum AccessTokenType {

	/** Also what a value unknown to this client reads as. */
	@JsonEnumDefaultValue
	ACCESS_TOKEN_TYPE_BEARER,
	ACCESS_TOKEN_TYPE_JWT

}
