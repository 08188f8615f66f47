package io.github.zitadelstarter.resourceserver;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;

/**
 * ZITADEL's role checks for method security and SpEL, with the bean name
 * {@code zitadelRoles} when the starter contributes it:
 * {@code @PreAuthorize("@zitadelRoles.hasRoleInOrganization(authentication, 'admin', #orgId)")}.
 * A check never throws: an authentication that is not of a user's token has no roles.
 */
public final class ZitadelRoleChecks {

	/**
	 * Whether the user has the role in any organization.
	 * @param authentication the authentication
	 * @param role the role key, without a prefix
	 * @return whether it was granted
	 */
	public boolean hasRole(@Nullable Authentication authentication, String role) {
		return check(authentication, role, null, null);
	}

	/**
	 * Whether the user has the role in the organization.
	 * @param authentication the authentication
	 * @param role the role key, without a prefix
	 * @param organizationId the organization's id
	 * @return whether it was granted there
	 */
	public boolean hasRoleInOrganization(@Nullable Authentication authentication, String role,
			String organizationId) {
		return check(authentication, role, organizationId, null);
	}

	/**
	 * Whether the user has the role in the organization for the project.
	 * @param authentication the authentication
	 * @param role the role key, without a prefix
	 * @param organizationId the organization's id
	 * @param projectId the project's id
	 * @return whether it was granted there
	 */
	public boolean hasRoleInProject(@Nullable Authentication authentication, String role, String organizationId,
			String projectId) {
		return check(authentication, role, organizationId, projectId);
	}

	static boolean check(@Nullable Authentication authentication, String role, @Nullable String organizationId,
			@Nullable String projectId) {
		if (authentication == null || !authentication.isAuthenticated()
				|| !(authentication.getPrincipal() instanceof ZitadelPrincipal
						|| authentication instanceof AbstractOAuth2TokenAuthenticationToken<?>)
				|| !(authentication instanceof AbstractAuthenticationToken)) {
			return false;
		}
		ZitadelRoles roles = ZitadelPrincipal.from(authentication).getRoles();
		if (projectId != null) {
			return roles.hasInProject(role, organizationId, projectId);
		}
		return (organizationId != null) ? roles.hasInOrganization(role, organizationId) : roles.has(role);
	}

}
