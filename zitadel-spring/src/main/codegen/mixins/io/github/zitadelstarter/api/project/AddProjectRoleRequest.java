package io.github.zitadelstarter.api.project;

import org.jspecify.annotations.Nullable;

/**
 * Adds a role to a project; its key must be unique within the project.
 *
 * @param projectId the project's id
 * @param roleKey the role's key, which ZITADEL uses in authorization checks and as the claim
 * in tokens
 * @param displayName a human-readable name, which users may see
 * @param group a group for display purposes only; ZITADEL does not use it
 */
final class AddProjectRoleRequest {


	/**
	 * A role without a group.
	 * @param projectId the project's id
	 * @param roleKey the role's key
	 * @param displayName a human-readable name
	 * @return the request
	 */
	public static AddProjectRoleRequest of(String projectId, String roleKey, String displayName) {
		return new AddProjectRoleRequest(projectId, roleKey, displayName, null);
	}

	/**
	 * This role in a display group.
	 * @param group the group
	 * @return a copy with the group
	 */
	public AddProjectRoleRequest withGroup(String group) {
		return new AddProjectRoleRequest(this.projectId, this.roleKey, this.displayName, group);
	}

}
