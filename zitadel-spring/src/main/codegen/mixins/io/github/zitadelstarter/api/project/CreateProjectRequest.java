package io.github.zitadelstarter.api.project;

import org.jspecify.annotations.Nullable;

/**
 * Creates a project in an organization.
 *
 * @param organizationId the id of the organization the project belongs to
 * @param projectId the new project's id; leave it out (recommended) for ZITADEL to make one
 * @param name the project's name, which users may see, e.g. in sign-in flows
 * @param projectRoleAssertion whether role information is included in the user info
 * endpoint (and, as the application says, in tokens)
 * @param authorizationRequired whether a user needs an authorization for the project to log
 * in to its applications
 * @param projectAccessRequired whether the user's organization must own or be granted the
 * project to log in
 * @param privateLabelingSetting whose branding a login to the project shows
 */
final class CreateProjectRequest {


	/**
	 * A project with the given name and ZITADEL's defaults, its id made by ZITADEL.
	 * @param organizationId the id of the organization the project belongs to
	 * @param name the project's name
	 * @return the request
	 */
	public static CreateProjectRequest of(String organizationId, String name) {
		return new CreateProjectRequest(organizationId, null, name, false, false, false, PrivateLabelingSetting.PRIVATE_LABELING_SETTING_UNSPECIFIED);
	}

	/**
	 * This request with an id chosen by the caller.
	 * @param projectId the new project's id
	 * @return a copy with the id
	 */
	public CreateProjectRequest withProjectId(String projectId) {
		return new CreateProjectRequest(this.organizationId, projectId, this.name, this.projectRoleAssertion,
				this.authorizationRequired, this.projectAccessRequired, this.privateLabelingSetting);
	}

	/**
	 * This request with the user's roles asserted in the user info endpoint or not.
	 * @param projectRoleAssertion whether role information is included
	 * @return a copy with the setting
	 */
	public CreateProjectRequest withProjectRoleAssertion(boolean projectRoleAssertion) {
		return new CreateProjectRequest(this.organizationId, this.projectId, this.name, projectRoleAssertion,
				this.authorizationRequired, this.projectAccessRequired, this.privateLabelingSetting);
	}

	/**
	 * This request with an authorization required to log in or not.
	 * @param authorizationRequired whether a user needs an authorization for the project
	 * @return a copy with the setting
	 */
	public CreateProjectRequest withAuthorizationRequired(boolean authorizationRequired) {
		return new CreateProjectRequest(this.organizationId, this.projectId, this.name, this.projectRoleAssertion,
				authorizationRequired, this.projectAccessRequired, this.privateLabelingSetting);
	}

	/**
	 * This request with project access required to log in or not.
	 * @param projectAccessRequired whether the user's organization must own or be granted
	 * the project
	 * @return a copy with the setting
	 */
	public CreateProjectRequest withProjectAccessRequired(boolean projectAccessRequired) {
		return new CreateProjectRequest(this.organizationId, this.projectId, this.name, this.projectRoleAssertion,
				this.authorizationRequired, projectAccessRequired, this.privateLabelingSetting);
	}

	/**
	 * This request with the given branding setting.
	 * @param privateLabelingSetting whose branding a login to the project shows
	 * @return a copy with the setting
	 */
	public CreateProjectRequest withPrivateLabelingSetting(PrivateLabelingSetting privateLabelingSetting) {
		return new CreateProjectRequest(this.organizationId, this.projectId, this.name, this.projectRoleAssertion,
				this.authorizationRequired, this.projectAccessRequired, privateLabelingSetting);
	}

}
