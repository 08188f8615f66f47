package io.github.zitadelstarter.api.user;

/**
 * Locks a user, who can then not log in until unlocked ({@code zitadel.user.v2.LockUserRequest}).
 *
 * @param userId the user's id
 */
final class LockUserRequest {


	/**
	 * The request for the given user.
	 * @param userId the user's id
	 * @return the request
	 */
	public static LockUserRequest of(String userId) {
		return new LockUserRequest(userId);
	}

}
