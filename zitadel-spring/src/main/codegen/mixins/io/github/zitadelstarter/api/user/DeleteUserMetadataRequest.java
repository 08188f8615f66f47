package io.github.zitadelstarter.api.user;

import java.util.List;

/**
 * Deletes metadata entries of a user by key ({@code zitadel.user.v2.DeleteUserMetadataRequest}).
 *
 * @param userId the user's id
 * @param keys the keys of the entries
 */
final class DeleteUserMetadataRequest {


	/**
	 * Deletes the entries with the given keys.
	 * @param userId the user's id
	 * @param keys the keys
	 * @return the request
	 */
	public static DeleteUserMetadataRequest of(String userId, String... keys) {
		return new DeleteUserMetadataRequest(userId, List.of(keys));
	}

}
