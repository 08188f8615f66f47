package io.github.zitadelstarter.api.user;

import java.util.List;

/**
 * Sets metadata entries of a user ({@code zitadel.user.v2.SetUserMetadataRequest}); other entries
 * stay, an empty value deletes an entry.
 *
 * @param userId the user's id
 * @param metadata the entries
 */
final class SetUserMetadataRequest {


	/**
	 * Sets one entry with a text value, as UTF-8.
	 * @param userId the user's id
	 * @param key the key
	 * @param value the value
	 * @return the request
	 */
	public static SetUserMetadataRequest of(String userId, String key, String value) {
		return new SetUserMetadataRequest(userId, List.of(Metadata.of(key, value)));
	}

	/**
	 * Sets entries.
	 * @param userId the user's id
	 * @param metadata the entries
	 * @return the request
	 */
	public static SetUserMetadataRequest of(String userId, Metadata... metadata) {
		return new SetUserMetadataRequest(userId, List.of(metadata));
	}

}
