package io.github.zitadelstarter.api.organization;

import java.util.List;

import io.github.zitadelstarter.api.user.AddHumanUserRequest;
import org.jspecify.annotations.Nullable;

/**
 * An admin of an organization to add ({@code zitadel.org.v2.AddOrganizationRequest.Admin}): an
 * existing user or a new human; exactly one is set.
 *
 * @param userId an existing user's id
 * @param human a human user to create
 * @param roles the roles of the admin; {@code ORG_OWNER} if empty
 */
final class Admin {


	/**
	 * An existing user as admin.
	 * @param userId the user's id
	 * @param roles the roles; {@code ORG_OWNER} if none
	 * @return the admin
	 */
	public static Admin user(String userId, String... roles) {
		return new Admin(userId, null, List.of(roles));
	}

	/**
	 * A new human user as admin.
	 * @param human the user to create
	 * @param roles the roles; {@code ORG_OWNER} if none
	 * @return the admin
	 */
	public static Admin human(AddHumanUserRequest human, String... roles) {
		return new Admin(null, human, List.of(roles));
	}

}
