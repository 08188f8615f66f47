package io.github.zitadelstarter.api.user;

/**
 * Deactivates a user, who can then no longer log in
 * ({@code zitadel.user.v2.DeactivateUserRequest}).
 *
 * @param userId the user's id
 */
final class DeactivateUserRequest {


	/**
	 * The request for the given user.
	 * @param userId the user's id
	 * @return the request
	 */
	public static DeactivateUserRequest of(String userId) {
		return new DeactivateUserRequest(userId);
	}

}
