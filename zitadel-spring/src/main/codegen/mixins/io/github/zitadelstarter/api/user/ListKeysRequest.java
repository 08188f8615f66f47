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
final class ListKeysRequest {


	/**
	 * The keys of a user.
	 * @param userId the user's id
	 * @return the request
	 */
	public static ListKeysRequest ofUser(String userId) {
		return new ListKeysRequest(null, null, List.of(KeysSearchFilter.userId(userId)));
	}

}
