package io.github.zitadelstarter.api.user;

import java.util.List;

import io.github.zitadelstarter.api.object.ListQuery;
import org.jspecify.annotations.Nullable;

/**
 * Lists the users matching all queries ({@code zitadel.user.v2.ListUsersRequest}).
 *
 * @param query which page and in which order
 * @param sortingColumn the field the list is sorted by
 * @param queries the criteria, all of which a user matches
 */
final class ListUsersRequest {


	/**
	 * The users matching all the given queries; every user the caller may read without any.
	 * @param queries the criteria
	 * @return the request
	 */
	public static ListUsersRequest of(SearchQuery... queries) {
		return new ListUsersRequest(null, UserFieldName.USER_FIELD_NAME_UNSPECIFIED, List.of(queries));
	}

	/**
	 * This request sorted by a field.
	 * @param sortingColumn the field
	 * @param asc whether ascending
	 * @return a copy sorted so
	 */
	public ListUsersRequest withSorting(UserFieldName sortingColumn, boolean asc) {
		ListQuery query = (this.query != null) ? this.query : new ListQuery(0, 0, false);
		return new ListUsersRequest(new ListQuery(query.offset(), query.limit(), asc), sortingColumn, this.queries);
	}

}
