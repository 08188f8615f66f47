package io.github.zitadelstarter.api.authorization;

import java.util.List;

/**
 * Grants a user roles of a project, owned by or granted to the organization.
 *
 * @param userId the id of the user who gets the roles
 * @param projectId the id of the project
 * @param organizationId the id of the organization the authorization belongs to, which must
 * own the project or have a grant of it
 * @param roleKeys the keys of the roles, each a role of the project (or of the grant)
 */
final class CreateAuthorizationRequest {


	/**
	 * Grants a user roles of a project.
	 * @param userId the id of the user who gets the roles
	 * @param projectId the id of the project
	 * @param organizationId the id of the organization the authorization belongs to
	 * @param roleKeys the keys of the roles
	 * @return the request
	 */
	public static CreateAuthorizationRequest of(String userId, String projectId, String organizationId,
			String... roleKeys) {
		return new CreateAuthorizationRequest(userId, projectId, organizationId, List.of(roleKeys));
	}

}
