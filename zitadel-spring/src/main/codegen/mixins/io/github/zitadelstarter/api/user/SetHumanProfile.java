package io.github.zitadelstarter.api.user;

import org.jspecify.annotations.Nullable;

/**
 * The profile of a human user to create ({@code zitadel.user.v2.SetHumanProfile}).
 *
 * @param givenName the first name
 * @param familyName the last name
 * @param nickName the short name
 * @param displayName how the user is shown in lists; ZITADEL derives one if absent
 * @param preferredLanguage a BCP-47 language tag such as {@code en}
 * @param gender the gender
 */
final class SetHumanProfile {


	/**
	 * A profile with just the names.
	 * @param givenName the first name
	 * @param familyName the last name
	 * @return the profile
	 */
	public static SetHumanProfile of(String givenName, String familyName) {
		return new SetHumanProfile(givenName, familyName, null, null, null, null);
	}

	/**
	 * This profile with a display name.
	 * @param displayName how the user is shown in lists
	 * @return a copy with the display name
	 */
	public SetHumanProfile withDisplayName(String displayName) {
		return new SetHumanProfile(this.givenName, this.familyName, this.nickName, displayName, this.preferredLanguage,
				this.gender);
	}

}
