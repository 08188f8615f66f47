package io.github.zitadelstarter.api.project;

/**
 * Deactivates a project: its applications cannot log users in any more.
 *
 * @param projectId the project's id
 */
final class DeactivateProjectRequest {


	/**
	 * Deactivates a project: its applications cannot log users in any more.
	 * @param projectId the project's id
	 * @return the request
	 */
	public static DeactivateProjectRequest of(String projectId) {
		return new DeactivateProjectRequest(projectId);
	}

}
