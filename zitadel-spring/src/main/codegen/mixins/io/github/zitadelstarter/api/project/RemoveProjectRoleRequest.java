package io.github.zitadelstarter.api.project;

/**
 * Removes a role from a project, its grants and its authorizations; removing a missing one succeeds.
 *
 * @param projectId the project's id
 * @param roleKey the role's key
 */
final class RemoveProjectRoleRequest {


	/**
	 * Removes a role from a project, its grants and its authorizations; removing a missing one succeeds.
	 * @param projectId the project's id
	 * @param roleKey the role's key
	 * @return the request
	 */
	public static RemoveProjectRoleRequest of(String projectId, String roleKey) {
		return new RemoveProjectRoleRequest(projectId, roleKey);
	}

}
