package io.github.zitadelstarter.api.user;

import java.util.List;

import io.github.zitadelstarter.api.filter.PaginationRequest;
import org.jspecify.annotations.Nullable;

/**
 * Lists personal access tokens of machine users
 * ({@code zitadel.user.v2.ListPersonalAccessTokensRequest}); all the caller may read without
 * filters.
 *
 * @param pagination which page and in which order
 * @param sortingColumn the field the list is sorted by; the creation date if absent
 * @param filters the criteria
 */
final class ListPersonalAccessTokensRequest {


	/**
	 * The personal access tokens of a user.
	 * @param userId the user's id
	 * @return the request
	 */
	public static ListPersonalAccessTokensRequest ofUser(String userId) {
		return new ListPersonalAccessTokensRequest(null, null, List.of(PersonalAccessTokensSearchFilter.userId(userId)));
	}

}
