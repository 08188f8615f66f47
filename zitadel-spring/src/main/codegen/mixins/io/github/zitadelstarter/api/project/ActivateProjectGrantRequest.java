package io.github.zitadelstarter.api.project;

/**
 * Activates a project grant.
 *
 * @param projectId the project's id
 * @param grantedOrganizationId the id of the organization the project is granted to
 */
final class ActivateProjectGrantRequest {


	/**
	 * Activates a project grant.
	 * @param projectId the project's id
	 * @param grantedOrganizationId the id of the organization the project is granted to
	 * @return the request
	 */
	public static ActivateProjectGrantRequest of(String projectId, String grantedOrganizationId) {
		return new ActivateProjectGrantRequest(projectId, grantedOrganizationId);
	}

}
