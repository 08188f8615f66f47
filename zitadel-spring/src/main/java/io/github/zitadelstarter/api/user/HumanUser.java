package io.github.zitadelstarter.api.user;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The data of a human user ({@code zitadel.user.v2.HumanUser}).
 *
 * @param userId the id
 * @param state the state
 * @param username the user name
 * @param loginNames the names the user can log in with
 * @param preferredLoginName the preferred login name
 * @param profile the profile
 * @param email the email address
 * @param phone the phone number
 * @param passwordChangeRequired whether the user must change the password at the next login
 * @param passwordChanged when the password was last changed
 * @param mfaInitSkipped when the user last skipped setting up a second factor
 */
public record HumanUser(@Nullable String userId, @Nullable UserState state, @Nullable String username,
		List<String> loginNames, @Nullable String preferredLoginName, @Nullable HumanProfile profile,
		@Nullable HumanEmail email, @Nullable HumanPhone phone, @Nullable Boolean passwordChangeRequired,
		@Nullable Instant passwordChanged, @Nullable Instant mfaInitSkipped) {

	public HumanUser {
		loginNames = (loginNames != null) ? List.copyOf(loginNames) : List.of();
	}

}
