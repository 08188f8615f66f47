package io.github.zitadelstarter.api.user;

import java.util.List;

import io.github.zitadelstarter.api.object.Details;
import org.jspecify.annotations.Nullable;

/**
 * A human or machine user ({@code zitadel.user.v2.User}); exactly one of {@code human} and
 * {@code machine} is set.
 *
 * @param userId the id
 * @param details when it was created and changed, and its organization ({@code resourceOwner})
 * @param state the state
 * @param username the user name
 * @param loginNames the names the user can log in with
 * @param preferredLoginName the preferred login name
 * @param human the data of a human user
 * @param machine the data of a machine user
 */
public record User(@Nullable String userId, @Nullable Details details, @Nullable UserState state,
		@Nullable String username, List<String> loginNames, @Nullable String preferredLoginName, @Nullable HumanUser human,
		@Nullable MachineUser machine) {

	public User {
		loginNames = (loginNames != null) ? List.copyOf(loginNames) : List.of();
	}

}
