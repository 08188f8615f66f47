package io.github.zitadelstarter.api.authorization;

import java.util.List;

import io.github.zitadelstarter.api.filter.PaginationResponse;
import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code ListAuthorizations}: one page of the matching authorizations.
 *
 * @param pagination how many authorizations match in all, and the limit applied
 * @param authorizations the authorizations of this page
 */
public record ListAuthorizationsResponse(@Nullable PaginationResponse pagination,
		List<Authorization> authorizations) {

	public ListAuthorizationsResponse {
		authorizations = (authorizations != null) ? List.copyOf(authorizations) : List.of();
	}

	/**
	 * How many authorizations match in all, whatever the page.
	 * @return the total number of matching authorizations
	 */
	public long totalResult() {
		return PaginationResponse.totalResult(this.pagination);
	}

}
