package io.github.zitadelstarter.api.user;

import org.jspecify.annotations.Nullable;

/**
 * Changes to a machine user ({@code zitadel.user.v2.UpdateUserRequest.Machine}); what is absent
 * stays.
 *
 * @param name the human-readable name
 * @param description what the user is for
 * @param accessTokenType the kind of access token it gets
 */
final class UpdateUserRequestMachine {


	/**
	 * A change of the description.
	 * @param description what the user is for
	 * @return the changes
	 */
	public static UpdateUserRequestMachine description(String description) {
		return new UpdateUserRequestMachine(null, description, null);
	}

}
