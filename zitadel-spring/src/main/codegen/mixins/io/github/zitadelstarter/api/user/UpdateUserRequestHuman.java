package io.github.zitadelstarter.api.user;

import org.jspecify.annotations.Nullable;

/**
 * Changes to a human user ({@code zitadel.user.v2.UpdateUserRequest.Human}).
 *
 * @param profile changes to the profile
 * @param email a new email address and how it is verified
 * @param phone a new phone number; an empty number without verification removes it
 * @param password a new password
 */
final class UpdateUserRequestHuman {


	/**
	 * A change of the profile only.
	 * @param profile the changes to the profile
	 * @return the changes
	 */
	public static UpdateUserRequestHuman profile(UpdateUserRequestHumanProfile profile) {
		return new UpdateUserRequestHuman(profile, null, null, null);
	}

	/**
	 * A change of the email address only.
	 * @param email the new address
	 * @return the changes
	 */
	public static UpdateUserRequestHuman email(SetHumanEmail email) {
		return new UpdateUserRequestHuman(null, email, null, null);
	}

}
