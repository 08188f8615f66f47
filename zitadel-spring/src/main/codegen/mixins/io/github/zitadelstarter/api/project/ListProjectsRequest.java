package io.github.zitadelstarter.api.project;

import java.util.List;

import io.github.zitadelstarter.api.filter.PaginationRequest;
import org.jspecify.annotations.Nullable;

/**
 * Lists the projects matching all filters that the caller may read, by default all of the
 * instance's, newest first.
 *
 * @param pagination which page, and in which order; ZITADEL's defaults if absent
 * @param sortingColumn the field the result is sorted by; the creation date if absent
 * @param filters the criteria, all of which a project must meet
 */
final class ListProjectsRequest {


	/**
	 * The projects matching all given filters, or all projects without any.
	 * @param filters the criteria
	 * @return the request
	 */
	public static ListProjectsRequest of(ProjectSearchFilter... filters) {
		return new ListProjectsRequest(null, null, List.of(filters));
	}

	/**
	 * This request sorted by the given field.
	 * @param sortingColumn the field
	 * @param asc whether the result is sorted ascending
	 * @return a copy sorted so
	 */
	public ListProjectsRequest withSorting(ProjectFieldName sortingColumn, boolean asc) {
		PaginationRequest pagination = (this.pagination != null) ? this.pagination.withAsc(asc)
				: new PaginationRequest(0, 0, asc);
		return new ListProjectsRequest(pagination, sortingColumn, this.filters);
	}

}
