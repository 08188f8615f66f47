package io.github.zitadelstarter.api.project;

import java.util.List;

import io.github.zitadelstarter.api.filter.PaginationRequest;
import org.jspecify.annotations.Nullable;

/**
 * Lists the project grants matching all filters.
 *
 * @param pagination which page, and in which order; ZITADEL's defaults if absent
 * @param sortingColumn the field the result is sorted by; the creation date if absent
 * @param filters the criteria, all of which a grant must meet
 */
final class ListProjectGrantsRequest {


	/**
	 * The project grants matching all given filters, or all of them without any.
	 * @param filters the criteria
	 * @return the request
	 */
	public static ListProjectGrantsRequest of(ProjectGrantSearchFilter... filters) {
		return new ListProjectGrantsRequest(null, null, List.of(filters));
	}

	/**
	 * This request sorted by the given field.
	 * @param sortingColumn the field
	 * @param asc whether the result is sorted ascending
	 * @return a copy sorted so
	 */
	public ListProjectGrantsRequest withSorting(ProjectGrantFieldName sortingColumn, boolean asc) {
		PaginationRequest pagination = (this.pagination != null) ? this.pagination.withAsc(asc)
				: new PaginationRequest(0, 0, asc);
		return new ListProjectGrantsRequest(pagination, sortingColumn, this.filters);
	}

}
