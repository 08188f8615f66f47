package io.github.zitadelstarter.api.project;

/**
 * Deletes a project grant and its authorizations; deleting a missing one succeeds.
 *
 * @param projectId the project's id
 * @param grantedOrganizationId the id of the organization the project is granted to
 */
final class DeleteProjectGrantRequest {


	/**
	 * Deletes a project grant and its authorizations; deleting a missing one succeeds.
	 * @param projectId the project's id
	 * @param grantedOrganizationId the id of the organization the project is granted to
	 * @return the request
	 */
	public static DeleteProjectGrantRequest of(String projectId, String grantedOrganizationId) {
		return new DeleteProjectGrantRequest(projectId, grantedOrganizationId);
	}

}
