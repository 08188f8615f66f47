package io.github.zitadelstarter.api.user;

import java.util.List;

import io.github.zitadelstarter.api.filter.PaginationRequest;
import io.github.zitadelstarter.api.metadata.MetadataSearchFilter;
import org.jspecify.annotations.Nullable;

/**
 * Lists a user's metadata ({@code zitadel.user.v2.ListUserMetadataRequest}).
 *
 * @param userId the user's id
 * @param pagination which page and in which order
 * @param filters the criteria
 */
final class ListUserMetadataRequest {


	/**
	 * All metadata of a user matching the filters.
	 * @param userId the user's id
	 * @param filters the criteria
	 * @return the request
	 */
	public static ListUserMetadataRequest of(String userId, MetadataSearchFilter... filters) {
		return new ListUserMetadataRequest(userId, null, List.of(filters));
	}

}
