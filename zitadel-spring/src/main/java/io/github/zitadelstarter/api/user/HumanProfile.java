package io.github.zitadelstarter.api.user;

import org.jspecify.annotations.Nullable;

/**
 * The profile of a human user ({@code zitadel.user.v2.HumanProfile}).
 *
 * @param givenName the first name
 * @param familyName the last name
 * @param nickName the short name
 * @param displayName how the user is shown in lists
 * @param preferredLanguage a BCP-47 language tag
 * @param gender the gender
 * @param avatarUrl the URL of the user's avatar
 */
public record HumanProfile(@Nullable String givenName, @Nullable String familyName, @Nullable String nickName,
		@Nullable String displayName, @Nullable String preferredLanguage, @Nullable Gender gender,
		@Nullable String avatarUrl) {

}
