package io.github.zitadelstarter.api.project;

/**
 * Asks for the project with the given id.
 *
 * @param projectId the project's id
 */
final class GetProjectRequest {


	/**
	 * Asks for the project with the given id.
	 * @param projectId the project's id
	 * @return the request
	 */
	public static GetProjectRequest of(String projectId) {
		return new GetProjectRequest(projectId);
	}

}
