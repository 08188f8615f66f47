package io.github.zitadelstarter.api.project;

import org.jspecify.annotations.Nullable;

/**
 * Changes a role's display name or group; its key cannot change (remove the role and add
 * another instead). Whatever is left out stays as it is.
 *
 * @param projectId the project's id
 * @param roleKey the role's key
 * @param displayName the new display name
 * @param group the new display group
 */
final class UpdateProjectRoleRequest {


	/**
	 * A change of the given role that changes nothing yet.
	 * @param projectId the project's id
	 * @param roleKey the role's key
	 * @return the request
	 */
	public static UpdateProjectRoleRequest of(String projectId, String roleKey) {
		return new UpdateProjectRoleRequest(projectId, roleKey, null, null);
	}

	/**
	 * This change with a new display name.
	 * @param displayName the new display name
	 * @return a copy with the display name
	 */
	public UpdateProjectRoleRequest withDisplayName(String displayName) {
		return new UpdateProjectRoleRequest(this.projectId, this.roleKey, displayName, this.group);
	}

	/**
	 * This change with a new display group.
	 * @param group the new group
	 * @return a copy with the group
	 */
	public UpdateProjectRoleRequest withGroup(String group) {
		return new UpdateProjectRoleRequest(this.projectId, this.roleKey, this.displayName, group);
	}

}
