package io.github.zitadelstarter.api.user;

/**
 * Unlocks a locked user ({@code zitadel.user.v2.UnlockUserRequest}).
 *
 * @param userId the user's id
 */
final class UnlockUserRequest {


	/**
	 * The request for the given user.
	 * @param userId the user's id
	 * @return the request
	 */
	public static UnlockUserRequest of(String userId) {
		return new UnlockUserRequest(userId);
	}

}
