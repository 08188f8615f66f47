package io.github.zitadelstarter.api.project;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A project granted by its organization to another organization, which may then manage the
 * authorizations of its own users with the granted roles.
 *
 * @param organizationId the id of the organization that granted the project
 * @param creationDate when the grant was created
 * @param changeDate when the grant last changed
 * @param grantedOrganizationId the id of the organization the project is granted to
 * @param grantedOrganizationName the name of the organization the project is granted to
 * @param grantedRoleKeys the roles granted to that organization
 * @param projectId the id of the granted project
 * @param projectName the name of the granted project
 * @param state the grant's state
 */
public record ProjectGrant(String organizationId, @Nullable Instant creationDate, @Nullable Instant changeDate,
		String grantedOrganizationId, @Nullable String grantedOrganizationName, List<String> grantedRoleKeys,
		String projectId, @Nullable String projectName, @Nullable ProjectGrantState state) {

	public ProjectGrant {
		grantedRoleKeys = (grantedRoleKeys != null) ? List.copyOf(grantedRoleKeys) : List.of();
	}

}
