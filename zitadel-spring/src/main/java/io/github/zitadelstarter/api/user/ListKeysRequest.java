package io.github.zitadelstarter.api.user;

import java.util.List;

import io.github.zitadelstarter.api.filter.PaginationRequest;
import org.jspecify.annotations.Nullable;

/**
 * Lists keys of machine users ({@code zitadel.user.v2.ListKeysRequest}); all the caller may read
 * without filters.
 *
 * @param pagination which page and in which order
 * @param sortingColumn the field the list is sorted by; the creation date if absent
 * @param filters the criteria
 */
public record ListKeysRequest(@Nullable PaginationRequest pagination, @Nullable KeyFieldName sortingColumn,
		List<KeysSearchFilter> filters) {

	public ListKeysRequest {
		filters = (filters != null) ? List.copyOf(filters) : List.of();
	}

	/**
	 * The keys of a user.
	 * @param userId the user's id
	 * @return the request
	 */
	public static ListKeysRequest ofUser(String userId) {
		return new ListKeysRequest(null, null, List.of(KeysSearchFilter.userId(userId)));
	}

	/**
	 * This request for another page, keeping its order.
	 * @param offset where the page starts
	 * @param limit the most keys returned
	 * @return a copy for that page
	 */
	public ListKeysRequest withPagination(long offset, int limit) {
		return new ListKeysRequest(PaginationRequest.page(this.pagination, offset, limit), this.sortingColumn,
				this.filters);
	}

}
