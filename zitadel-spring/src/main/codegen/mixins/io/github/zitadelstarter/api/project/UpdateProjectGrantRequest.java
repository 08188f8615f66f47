package io.github.zitadelstarter.api.project;

import java.util.List;

/**
 * Changes the roles granted to an organization; roles not listed are taken away, with their authorizations.
 *
 * @param projectId the project's id
 * @param grantedOrganizationId the id of the organization the project is granted to
 * @param roleKeys all roles the organization keeps or gets
 */
final class UpdateProjectGrantRequest {


	/**
	 * Changes the roles granted to an organization; roles not listed are taken away, with their authorizations.
	 * @param projectId the project's id
	 * @param grantedOrganizationId the id of the organization the project is granted to
	 * @param roleKeys all roles the organization keeps or gets
	 * @return the request
	 */
	public static UpdateProjectGrantRequest of(String projectId, String grantedOrganizationId, String... roleKeys) {
		return new UpdateProjectGrantRequest(projectId, grantedOrganizationId, List.of(roleKeys));
	}

}
