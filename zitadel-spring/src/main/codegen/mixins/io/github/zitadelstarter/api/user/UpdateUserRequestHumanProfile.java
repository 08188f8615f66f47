package io.github.zitadelstarter.api.user;

import org.jspecify.annotations.Nullable;

/**
 * Changes to a human user's profile ({@code zitadel.user.v2.UpdateUserRequest.Human.Profile}); what
 * is absent stays.
 *
 * @param givenName the first name
 * @param familyName the last name
 * @param nickName the short name
 * @param displayName how the user is shown in lists
 * @param preferredLanguage a BCP-47 language tag
 * @param gender the gender
 */
final class UpdateUserRequestHumanProfile {


	/**
	 * A change of the names.
	 * @param givenName the first name
	 * @param familyName the last name
	 * @return the changes
	 */
	public static UpdateUserRequestHumanProfile names(String givenName, String familyName) {
		return new UpdateUserRequestHumanProfile(givenName, familyName, null, null, null, null);
	}

	/**
	 * A change of the display name.
	 * @param displayName the display name
	 * @return the changes
	 */
	public static UpdateUserRequestHumanProfile displayName(String displayName) {
		return new UpdateUserRequestHumanProfile(null, null, null, displayName, null, null);
	}

}
