package io.github.zitadelstarter.api.authorization;

import java.util.List;

import io.github.zitadelstarter.api.filter.PaginationRequest;
import org.jspecify.annotations.Nullable;

/**
 * Lists the authorizations matching all filters that the caller may read.
 *
 * @param pagination which page, and in which order; ZITADEL's defaults if absent
 * @param sortingColumn the field the result is sorted by; the creation date if absent
 * @param filters the criteria, all of which an authorization must meet
 */
final class ListAuthorizationsRequest {


	/**
	 * The authorizations matching all given filters, or all of them without any.
	 * @param filters the criteria
	 * @return the request
	 */
	public static ListAuthorizationsRequest of(AuthorizationsSearchFilter... filters) {
		return new ListAuthorizationsRequest(null, AuthorizationFieldName.AUTHORIZATION_FIELD_NAME_UNSPECIFIED, List.of(filters));
	}

	/**
	 * This request sorted by the given field.
	 * @param sortingColumn the field
	 * @param asc whether the result is sorted ascending
	 * @return a copy sorted so
	 */
	public ListAuthorizationsRequest withSorting(AuthorizationFieldName sortingColumn, boolean asc) {
		PaginationRequest pagination = (this.pagination != null) ? this.pagination.withAsc(asc)
				: new PaginationRequest(0, 0, asc);
		return new ListAuthorizationsRequest(pagination, sortingColumn, this.filters);
	}

}
