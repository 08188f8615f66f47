package io.github.zitadelstarter.api.authorization;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An authorization: roles of a project granted to a user in an organization.
 *
 * @param id the authorization's id
 * @param creationDate when the authorization was created
 * @param changeDate when the authorization last changed; the creation date if never
 * @param project the project the roles are of
 * @param organization the organization the authorization belongs to, not necessarily the
 * project's or the user's
 * @param user the user who has the roles
 * @param state the authorization's state
 * @param roles the granted roles
 */
final class Authorization {


	/**
	 * The keys of the granted roles, in the order ZITADEL lists them.
	 * @return the role keys
	 */
	public List<String> roleKeys() {
		return this.roles.stream().map(Role::key).toList();
	}

}
