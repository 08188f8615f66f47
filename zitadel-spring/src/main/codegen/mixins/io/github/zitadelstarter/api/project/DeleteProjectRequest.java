package io.github.zitadelstarter.api.project;

/**
 * Deletes a project; deleting one that does not exist succeeds.
 *
 * @param projectId the project's id
 */
final class DeleteProjectRequest {


	/**
	 * Deletes a project; deleting one that does not exist succeeds.
	 * @param projectId the project's id
	 * @return the request
	 */
	public static DeleteProjectRequest of(String projectId) {
		return new DeleteProjectRequest(projectId);
	}

}
