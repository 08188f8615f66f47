package io.github.zitadelstarter.api.project;

import java.util.List;

import io.github.zitadelstarter.api.filter.PaginationRequest;
import org.jspecify.annotations.Nullable;

/**
 * Lists the roles of a project matching all filters.
 *
 * @param projectId the project's id
 * @param pagination which page, and in which order; ZITADEL's defaults if absent
 * @param sortingColumn the field the result is sorted by; the creation date if absent
 * @param filters the criteria, all of which a role must meet
 */
final class ListProjectRolesRequest {


	/**
	 * The project's roles matching all given filters, or all of them without any.
	 * @param projectId the project's id
	 * @param filters the criteria
	 * @return the request
	 */
	public static ListProjectRolesRequest of(String projectId, ProjectRoleSearchFilter... filters) {
		return new ListProjectRolesRequest(projectId, null, null, List.of(filters));
	}

	/**
	 * This request sorted by the given field.
	 * @param sortingColumn the field
	 * @param asc whether the result is sorted ascending
	 * @return a copy sorted so
	 */
	public ListProjectRolesRequest withSorting(ProjectRoleFieldName sortingColumn, boolean asc) {
		PaginationRequest pagination = (this.pagination != null) ? this.pagination.withAsc(asc)
				: new PaginationRequest(0, 0, asc);
		return new ListProjectRolesRequest(this.projectId, pagination, sortingColumn, this.filters);
	}

}
