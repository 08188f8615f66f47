package io.github.zitadelstarter.api.user;

import java.time.Instant;

/**
 * Adds a personal access token to a machine user
 * ({@code zitadel.user.v2.AddPersonalAccessTokenRequest}).
 *
 * @param userId the user's id
 * @param expirationDate when the token expires
 */
final class AddPersonalAccessTokenRequest {


	/**
	 * A token expiring at the given time.
	 * @param userId the user's id
	 * @param expirationDate when the token expires
	 * @return the request
	 */
	public static AddPersonalAccessTokenRequest of(String userId, Instant expirationDate) {
		return new AddPersonalAccessTokenRequest(userId, expirationDate);
	}

}
