package io.github.zitadelstarter.api.project;

import io.github.zitadelstarter.api.filter.InIDsFilter;
import io.github.zitadelstarter.api.filter.TextFilterMethod;
import org.jspecify.annotations.Nullable;

/**
 * One criterion of a project search; exactly one component is set (a proto {@code oneof}),
 * which the factory methods ensure.
 *
 * @param projectNameFilter projects with a name
 * @param inProjectIdsFilter projects with one of some ids
 * @param organizationIdFilter projects owned by or granted to an organization
 */
final class ProjectSearchFilter {


	/**
	 * Projects with exactly this name.
	 * @param name the name
	 * @return the filter
	 */
	public static ProjectSearchFilter projectName(String name) {
		return projectName(name, TextFilterMethod.TEXT_FILTER_METHOD_EQUALS);
	}

	/**
	 * Projects whose name compares to the given one as the method says.
	 * @param name the name
	 * @param method how the name is compared
	 * @return the filter
	 */
	public static ProjectSearchFilter projectName(String name, TextFilterMethod method) {
		return new ProjectSearchFilter(new ProjectNameFilter(name, method), null, null);
	}

	/**
	 * Projects with one of the given ids.
	 * @param projectIds the ids
	 * @return the filter
	 */
	public static ProjectSearchFilter inProjectIds(String... projectIds) {
		return new ProjectSearchFilter(null, InIDsFilter.of(projectIds), null);
	}

	/**
	 * Projects an organization owns or is granted.
	 * @param organizationId the organization's id
	 * @return the filter
	 */
	public static ProjectSearchFilter organizationId(String organizationId) {
		return organizationId(organizationId, ProjectOrganizationIDFilterType.OWNED_OR_GRANTED);
	}

	/**
	 * Projects an organization owns, is granted, or either, as the type says.
	 * @param organizationId the organization's id
	 * @param type owned, granted or both
	 * @return the filter
	 */
	public static ProjectSearchFilter organizationId(String organizationId, ProjectOrganizationIDFilterType type) {
		return new ProjectSearchFilter(null, null, new ProjectOrganizationIDFilter(organizationId, type));
	}

}
