package io.github.zitadelstarter.api.organization;

import java.util.List;

import io.github.zitadelstarter.api.object.ListQuery;
import org.jspecify.annotations.Nullable;

/**
 * Lists the organizations matching all queries ({@code zitadel.org.v2.ListOrganizationsRequest}).
 *
 * @param query which page and in which order
 * @param sortingColumn the field the list is sorted by
 * @param queries the criteria, all of which an organization matches
 */
public record ListOrganizationsRequest(@Nullable ListQuery query, @Nullable OrganizationFieldName sortingColumn,
		List<SearchQuery> queries) {

	public ListOrganizationsRequest {
		queries = (queries != null) ? List.copyOf(queries) : List.of();
	}

	/**
	 * The organizations matching all the given queries; every one the caller may read without any.
	 * @param queries the criteria
	 * @return the request
	 */
	public static ListOrganizationsRequest of(SearchQuery... queries) {
		return new ListOrganizationsRequest(null, null, List.of(queries));
	}

	/**
	 * This request for another page, keeping its order.
	 * @param offset where the page starts
	 * @param limit the most organizations returned
	 * @return a copy for that page
	 */
	public ListOrganizationsRequest withPagination(long offset, int limit) {
		return new ListOrganizationsRequest(ListQuery.page(this.query, offset, limit), this.sortingColumn, this.queries);
	}

}
