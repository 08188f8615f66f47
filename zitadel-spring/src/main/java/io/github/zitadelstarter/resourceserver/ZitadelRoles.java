package io.github.zitadelstarter.resourceserver;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The roles ZITADEL granted a user, as a token carries them: each role in the organizations it
 * was granted in, and in the project when the token names it
 * ({@code urn:zitadel:iam:org:project:{projectId}:roles}).
 */
public final class ZitadelRoles {

	private static final ZitadelRoles NONE = new ZitadelRoles(List.of());

	private final List<Grant> grants;

	private ZitadelRoles(List<Grant> grants) {
		this.grants = List.copyOf(grants);
	}

	/**
	 * Reads the roles claims of a token's claims or an introspection answer. Claims of
	 * another shape are ignored.
	 * @param claims the claims
	 * @return the roles, possibly none
	 */
	public static ZitadelRoles fromClaims(Map<String, ?> claims) {
		List<Grant> grants = new ArrayList<>();
		for (Map.Entry<String, ?> claim : claims.entrySet()) {
			String name = claim.getKey();
			if (name.equals(ZitadelClaimNames.PROJECT_ROLES)) {
				read(claim.getValue(), null, grants);
			}
			else if (name.startsWith(ZitadelClaimNames.PROJECT_ROLES_PREFIX)
					&& name.endsWith(ZitadelClaimNames.PROJECT_ROLES_SUFFIX)
					&& name.length() > ZitadelClaimNames.PROJECT_ROLES_PREFIX.length()
							+ ZitadelClaimNames.PROJECT_ROLES_SUFFIX.length()) {
				String projectId = name.substring(ZitadelClaimNames.PROJECT_ROLES_PREFIX.length(),
						name.length() - ZitadelClaimNames.PROJECT_ROLES_SUFFIX.length());
				if (!projectId.contains(":")) {
					read(claim.getValue(), projectId, grants);
				}
			}
		}
		return grants.isEmpty() ? NONE : new ZitadelRoles(grants);
	}

	private static void read(@Nullable Object value, @Nullable String projectId, List<Grant> grants) {
		if (!(value instanceof Map<?, ?> roles)) {
			return;
		}
		for (Map.Entry<?, ?> role : roles.entrySet()) {
			if (!(role.getValue() instanceof Map<?, ?> organizations)) {
				continue;
			}
			for (Map.Entry<?, ?> organization : organizations.entrySet()) {
				Object domain = organization.getValue();
				grants.add(new Grant(String.valueOf(role.getKey()), String.valueOf(organization.getKey()),
						(domain != null) ? domain.toString() : "", projectId));
			}
		}
	}

	/** Each role in each organization (and project, when the token named it). */
	public List<Grant> getGrants() {
		return this.grants;
	}

	/** The role keys, whatever the organization. */
	public Set<String> getRoleNames() {
		Set<String> names = new LinkedHashSet<>();
		this.grants.forEach((grant) -> names.add(grant.role()));
		return names;
	}

	/**
	 * The organizations a role was granted in.
	 * @param role the role key
	 * @return the organization ids, possibly none
	 */
	public Set<String> getOrganizations(String role) {
		Set<String> organizations = new LinkedHashSet<>();
		this.grants.stream()
			.filter((grant) -> grant.role().equals(role))
			.forEach((grant) -> organizations.add(grant.organizationId()));
		return organizations;
	}

	/**
	 * Whether the user has the role in any organization.
	 * @param role the role key
	 * @return whether it was granted
	 */
	public boolean has(String role) {
		return this.grants.stream().anyMatch((grant) -> grant.role().equals(role));
	}

	/**
	 * Whether the user has the role in the organization.
	 * @param role the role key
	 * @param organizationId the organization's id
	 * @return whether it was granted there
	 */
	public boolean hasInOrganization(String role, String organizationId) {
		return this.grants.stream()
			.anyMatch((grant) -> grant.role().equals(role) && grant.organizationId().equals(organizationId));
	}

	/**
	 * Whether the user has the role in the organization for the project; only the per-project
	 * claim names the project.
	 * @param role the role key
	 * @param organizationId the organization's id, or {@code null} for any
	 * @param projectId the project's id
	 * @return whether it was granted there
	 */
	public boolean hasInProject(String role, @Nullable String organizationId, String projectId) {
		return this.grants.stream()
			.anyMatch((grant) -> grant.role().equals(role) && projectId.equals(grant.projectId())
					&& (organizationId == null || grant.organizationId().equals(organizationId)));
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof ZitadelRoles that) && this.grants.equals(that.grants);
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.grants);
	}

	@Override
	public String toString() {
		return "ZitadelRoles" + this.grants;
	}

	/**
	 * One role granted in one organization.
	 *
	 * @param role the role key
	 * @param organizationId the organization's id
	 * @param organizationDomain the organization's primary domain
	 * @param projectId the project, when the token's claim names it
	 */
	public record Grant(String role, String organizationId, String organizationDomain, @Nullable String projectId) {
	}

}
