package io.github.zitadelstarter.api.project;

import org.jspecify.annotations.Nullable;

/**
 * Changes a project; whatever is left out stays as it is.
 *
 * @param projectId the id of the project to change
 * @param name the new name
 * @param projectRoleAssertion whether role information is included in the user info
 * endpoint
 * @param authorizationRequired whether a user needs an authorization for the project to log
 * in to its applications
 * @param projectAccessRequired whether the user's organization must own or be granted the
 * project to log in
 * @param privateLabelingSetting whose branding a login to the project shows
 */
final class UpdateProjectRequest {


	/**
	 * A change of the given project that changes nothing yet; add what changes with the
	 * {@code with...} methods.
	 * @param projectId the id of the project to change
	 * @return the request
	 */
	public static UpdateProjectRequest of(String projectId) {
		return new UpdateProjectRequest(projectId, null, null, null, null, null);
	}

	/**
	 * This change with a new name.
	 * @param name the new name
	 * @return a copy with the name
	 */
	public UpdateProjectRequest withName(String name) {
		return new UpdateProjectRequest(this.projectId, name, this.projectRoleAssertion, this.authorizationRequired,
				this.projectAccessRequired, this.privateLabelingSetting);
	}

	/**
	 * This change with the role assertion setting.
	 * @param projectRoleAssertion whether role information is included
	 * @return a copy with the setting
	 */
	public UpdateProjectRequest withProjectRoleAssertion(boolean projectRoleAssertion) {
		return new UpdateProjectRequest(this.projectId, this.name, projectRoleAssertion, this.authorizationRequired,
				this.projectAccessRequired, this.privateLabelingSetting);
	}

	/**
	 * This change with the authorization-required setting.
	 * @param authorizationRequired whether a user needs an authorization for the project
	 * @return a copy with the setting
	 */
	public UpdateProjectRequest withAuthorizationRequired(boolean authorizationRequired) {
		return new UpdateProjectRequest(this.projectId, this.name, this.projectRoleAssertion, authorizationRequired,
				this.projectAccessRequired, this.privateLabelingSetting);
	}

	/**
	 * This change with the project-access-required setting.
	 * @param projectAccessRequired whether the user's organization must own or be granted
	 * the project
	 * @return a copy with the setting
	 */
	public UpdateProjectRequest withProjectAccessRequired(boolean projectAccessRequired) {
		return new UpdateProjectRequest(this.projectId, this.name, this.projectRoleAssertion,
				this.authorizationRequired, projectAccessRequired, this.privateLabelingSetting);
	}

	/**
	 * This change with the branding setting.
	 * @param privateLabelingSetting whose branding a login to the project shows
	 * @return a copy with the setting
	 */
	public UpdateProjectRequest withPrivateLabelingSetting(PrivateLabelingSetting privateLabelingSetting) {
		return new UpdateProjectRequest(this.projectId, this.name, this.projectRoleAssertion,
				this.authorizationRequired, this.projectAccessRequired, privateLabelingSetting);
	}

}
