package io.github.zitadelstarter.api.project;

import io.github.zitadelstarter.api.filter.IDFilter;
import io.github.zitadelstarter.api.filter.InIDsFilter;
import io.github.zitadelstarter.api.filter.TextFilterMethod;
import org.jspecify.annotations.Nullable;

/**
 * One criterion of a project grant search; exactly one component is set (a proto
 * {@code oneof}), which the factory methods ensure.
 *
 * @param projectNameFilter grants of projects with a name
 * @param roleKeyFilter grants that include a role
 * @param inProjectIdsFilter grants of projects with one of some ids
 * @param organizationIdFilter grants made by an organization
 * @param grantedOrganizationIdFilter grants made to an organization
 */
final class ProjectGrantSearchFilter {


	/**
	 * Grants of projects whose name compares to the given one as the method says.
	 * @param name the project name
	 * @param method how the name is compared
	 * @return the filter
	 */
	public static ProjectGrantSearchFilter projectName(String name, TextFilterMethod method) {
		return new ProjectGrantSearchFilter(new ProjectNameFilter(name, method), null, null, null, null);
	}

	/**
	 * Grants that include a role whose key compares to the given one as the method says.
	 * @param key the role key
	 * @param method how the key is compared
	 * @return the filter
	 */
	public static ProjectGrantSearchFilter roleKey(String key, TextFilterMethod method) {
		return new ProjectGrantSearchFilter(null, new ProjectRoleKeyFilter(key, method), null, null, null);
	}

	/**
	 * Grants of the projects with the given ids.
	 * @param projectIds the project ids
	 * @return the filter
	 */
	public static ProjectGrantSearchFilter inProjectIds(String... projectIds) {
		return new ProjectGrantSearchFilter(null, null, InIDsFilter.of(projectIds), null, null);
	}

	/**
	 * Grants made by the given organization, the projects' owner.
	 * @param organizationId the granting organization's id
	 * @return the filter
	 */
	public static ProjectGrantSearchFilter organizationId(String organizationId) {
		return new ProjectGrantSearchFilter(null, null, null, IDFilter.of(organizationId), null);
	}

	/**
	 * Grants made to the given organization.
	 * @param grantedOrganizationId the granted organization's id
	 * @return the filter
	 */
	public static ProjectGrantSearchFilter grantedOrganizationId(String grantedOrganizationId) {
		return new ProjectGrantSearchFilter(null, null, null, null, IDFilter.of(grantedOrganizationId));
	}

}
