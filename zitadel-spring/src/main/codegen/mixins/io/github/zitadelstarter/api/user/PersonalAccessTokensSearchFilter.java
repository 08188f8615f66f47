package io.github.zitadelstarter.api.user;

import io.github.zitadelstarter.api.filter.IDFilter;
import io.github.zitadelstarter.api.filter.TimestampFilter;
import org.jspecify.annotations.Nullable;

/**
 * A criterion of a personal access token list
 * ({@code zitadel.user.v2.PersonalAccessTokensSearchFilter}); exactly one is set.
 *
 * @param tokenIdFilter by token id
 * @param userIdFilter by user
 * @param organizationIdFilter by organization
 * @param createdDateFilter by creation date
 * @param expirationDateFilter by expiration date
 */
final class PersonalAccessTokensSearchFilter {


	/**
	 * The tokens of a user.
	 * @param userId the user's id
	 * @return the filter
	 */
	public static PersonalAccessTokensSearchFilter userId(String userId) {
		return new PersonalAccessTokensSearchFilter(null, IDFilter.of(userId), null, null, null);
	}

}
