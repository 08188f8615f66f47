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
public record ListProjectGrantsRequest(@Nullable PaginationRequest pagination,
		@Nullable ProjectGrantFieldName sortingColumn, List<ProjectGrantSearchFilter> filters) {

	public ListProjectGrantsRequest {
		filters = (filters != null) ? List.copyOf(filters) : List.of();
	}

	/**
	 * The project grants matching all given filters, or all of them without any.
	 * @param filters the criteria
	 * @return the request
	 */
	public static ListProjectGrantsRequest of(ProjectGrantSearchFilter... filters) {
		return new ListProjectGrantsRequest(null, null, List.of(filters));
	}

	/**
	 * This request for one page, keeping its order.
	 * @param offset where the page starts
	 * @param limit the most grants returned
	 * @return a copy for that page
	 */
	public ListProjectGrantsRequest withPagination(long offset, int limit) {
		return new ListProjectGrantsRequest(PaginationRequest.page(this.pagination, offset, limit),
				this.sortingColumn, this.filters);
	}

	/**
	 * This request sorted by the given field.
	 * @param sortingColumn the field
	 * @param asc whether the result is sorted ascending
	 * @return a copy sorted so
	 */
	public ListProjectGrantsRequest withSorting(ProjectGrantFieldName sortingColumn, boolean asc) {
		PaginationRequest pagination = (this.pagination != null) ? this.pagination.withAsc(asc)
				: new PaginationRequest(null, null, asc);
		return new ListProjectGrantsRequest(pagination, sortingColumn, this.filters);
	}

}
