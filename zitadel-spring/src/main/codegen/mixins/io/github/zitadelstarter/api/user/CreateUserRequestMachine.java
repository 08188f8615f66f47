package io.github.zitadelstarter.api.user;

import org.jspecify.annotations.Nullable;

/**
 * The data of a machine user to create ({@code zitadel.user.v2.CreateUserRequest.Machine}).
 *
 * @param name a human-readable name
 * @param description what the user is for
 * @param accessTokenType the kind of access token it gets; opaque bearer tokens if absent
 */
final class CreateUserRequestMachine {


	/**
	 * A machine user with a name.
	 * @param name a human-readable name
	 * @return the data
	 */
	public static CreateUserRequestMachine of(String name) {
		return new CreateUserRequestMachine(name, null, AccessTokenType.ACCESS_TOKEN_TYPE_BEARER);
	}

	/**
	 * A machine user with a name and a description.
	 * @param name a human-readable name
	 * @param description what the user is for
	 * @return the data
	 */
	public static CreateUserRequestMachine of(String name, String description) {
		return new CreateUserRequestMachine(name, description, AccessTokenType.ACCESS_TOKEN_TYPE_BEARER);
	}

}
