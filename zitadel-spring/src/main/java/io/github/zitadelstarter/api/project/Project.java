package io.github.zitadelstarter.api.project;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A project: a vessel for applications, roles and authorizations, owned by one organization.
 *
 * @param projectId the project's id
 * @param organizationId the id of the organization the project belongs to
 * @param creationDate when the project was created
 * @param changeDate when the project last changed (creation, activation, deactivation, ...)
 * @param name the project's name, which users may see, e.g. in sign-in flows
 * @param state the project's state
 * @param projectRoleAssertion whether the user's roles are added to the token; absent
 * means {@code false}
 * @param authorizationRequired whether a user needs an authorization for the project to log
 * in to its applications; absent means {@code false}
 * @param projectAccessRequired whether the user's organization must own or be granted the
 * project to log in; absent means {@code false}
 * @param privateLabelingSetting whose branding a login to the project shows
 * @param grantedOrganizationId the organization the project is granted to, unset if it is
 * not a granted project
 * @param grantedOrganizationName the name of the organization the project is granted to,
 * unset if it is not a granted project
 * @param grantedState the state of the grant, unspecified if it is not a granted project
 */
public record Project(String projectId, String organizationId, @Nullable Instant creationDate,
		@Nullable Instant changeDate, String name, @Nullable ProjectState state, @Nullable Boolean projectRoleAssertion,
		@Nullable Boolean authorizationRequired, @Nullable Boolean projectAccessRequired,
		@Nullable PrivateLabelingSetting privateLabelingSetting, @Nullable String grantedOrganizationId,
		@Nullable String grantedOrganizationName, @Nullable GrantedProjectState grantedState) {

}
