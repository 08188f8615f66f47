package io.github.zitadelstarter.api.user;

import java.util.List;

/**
 * Deletes metadata entries of a user by key ({@code zitadel.user.v2.DeleteUserMetadataRequest}).
 *
 * @param userId the user's id
 * @param keys the keys of the entries
 */
public record DeleteUserMetadataRequest(String userId, List<String> keys) {

	public DeleteUserMetadataRequest {
		keys = (keys != null) ? List.copyOf(keys) : List.of();
	}

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
