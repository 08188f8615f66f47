package io.github.zitadelstarter.api.project;

/**
 * Deactivates a project grant.
 *
 * @param projectId the project's id
 * @param grantedOrganizationId the id of the organization the project is granted to
 */
final class DeactivateProjectGrantRequest {


	/**
	 * Deactivates a project grant.
	 * @param projectId the project's id
	 * @param grantedOrganizationId the id of the organization the project is granted to
	 * @return the request
	 */
	public static DeactivateProjectGrantRequest of(String projectId, String grantedOrganizationId) {
		return new DeactivateProjectGrantRequest(projectId, grantedOrganizationId);
	}

}
