package io.github.zitadelstarter.api.user;

import io.github.zitadelstarter.api.filter.IDFilter;
import io.github.zitadelstarter.api.filter.TimestampFilter;
import org.jspecify.annotations.Nullable;

/**
 * A criterion of a key list ({@code zitadel.user.v2.KeysSearchFilter}); exactly one is set.
 *
 * @param keyIdFilter by key id
 * @param userIdFilter by user
 * @param organizationIdFilter by organization
 * @param createdDateFilter by creation date
 * @param expirationDateFilter by expiration date
 */
final class KeysSearchFilter {


	/**
	 * The keys of a user.
	 * @param userId the user's id
	 * @return the filter
	 */
	public static KeysSearchFilter userId(String userId) {
		return new KeysSearchFilter(null, IDFilter.of(userId), null, null, null);
	}

	/**
	 * The key with an id.
	 * @param keyId the key's id
	 * @return the filter
	 */
	public static KeysSearchFilter keyId(String keyId) {
		return new KeysSearchFilter(IDFilter.of(keyId), null, null, null, null);
	}

}
