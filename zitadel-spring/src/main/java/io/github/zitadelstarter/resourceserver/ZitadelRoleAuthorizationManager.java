package io.github.zitadelstarter.resourceserver;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.util.Assert;

/**
 * Grants access when the user has a ZITADEL role, optionally in a given organization and
 * project, such as
 * {@code .requestMatchers("/api/**").access(ZitadelRoleAuthorizationManager.hasRole("viewer").inOrganization(orgId))}.
 *
 * @param <T> the object being secured
 */
public final class ZitadelRoleAuthorizationManager<T> implements AuthorizationManager<T> {

	private final String role;

	private final @Nullable String organizationId;

	private final @Nullable String projectId;

	private ZitadelRoleAuthorizationManager(String role, @Nullable String organizationId, @Nullable String projectId) {
		Assert.hasText(role, "role must not be empty");
		this.role = role;
		this.organizationId = organizationId;
		this.projectId = projectId;
	}

	/**
	 * Access for users with the role in any organization.
	 * @param <T> the object being secured
	 * @param role the role key, without a prefix
	 * @return the authorization manager
	 */
	public static <T> ZitadelRoleAuthorizationManager<T> hasRole(String role) {
		return new ZitadelRoleAuthorizationManager<>(role, null, null);
	}

	/**
	 * Access only for users with the role in this organization.
	 * @param <S> the object being secured, inferred where the result is used
	 * @param organizationId the organization's id
	 * @return a new authorization manager
	 */
	public <S> ZitadelRoleAuthorizationManager<S> inOrganization(String organizationId) {
		Assert.hasText(organizationId, "organizationId must not be empty");
		return new ZitadelRoleAuthorizationManager<>(this.role, organizationId, this.projectId);
	}

	/**
	 * Access only for users with the role in this project, as the per-project roles claim
	 * says.
	 * @param <S> the object being secured, inferred where the result is used
	 * @param projectId the project's id
	 * @return a new authorization manager
	 */
	public <S> ZitadelRoleAuthorizationManager<S> inProject(String projectId) {
		Assert.hasText(projectId, "projectId must not be empty");
		return new ZitadelRoleAuthorizationManager<>(this.role, this.organizationId, projectId);
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends @Nullable Authentication> authentication, T object) {
		return new AuthorizationDecision(isGranted(authentication.get()));
	}

	boolean isGranted(@Nullable Authentication authentication) {
		return ZitadelRoleChecks.check(authentication, this.role, this.organizationId, this.projectId);
	}

	@Override
	public String toString() {
		return "ZitadelRoleAuthorizationManager[role=" + this.role + ", organizationId=" + this.organizationId
				+ ", projectId=" + this.projectId + "]";
	}

}
