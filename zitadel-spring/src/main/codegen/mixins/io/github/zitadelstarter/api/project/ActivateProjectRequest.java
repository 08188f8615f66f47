package io.github.zitadelstarter.api.project;

/**
 * Activates a project.
 *
 * @param projectId the project's id
 */
final class ActivateProjectRequest {


	/**
	 * Activates a project.
	 * @param projectId the project's id
	 * @return the request
	 */
	public static ActivateProjectRequest of(String projectId) {
		return new ActivateProjectRequest(projectId);
	}

}
