package io.github.zitadelstarter.api.project;

import java.util.List;

/**
 * Grants a project with some of its roles to another organization, which may then authorize its own users.
 *
 * @param projectId the project's id
 * @param grantedOrganizationId the id of the organization the project is granted to
 * @param roleKeys the roles granted to the organization
 */
final class CreateProjectGrantRequest {


	/**
	 * Grants a project with some of its roles to another organization, which may then authorize its own users.
	 * @param projectId the project's id
	 * @param grantedOrganizationId the id of the organization the project is granted to
	 * @param roleKeys the roles granted to the organization
	 * @return the request
	 */
	public static CreateProjectGrantRequest of(String projectId, String grantedOrganizationId, String... roleKeys) {
		return new CreateProjectGrantRequest(projectId, grantedOrganizationId, List.of(roleKeys));
	}

}
