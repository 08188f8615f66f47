package io.github.zitadelstarter.api.user;

/**
 * Reactivates a deactivated user ({@code zitadel.user.v2.ReactivateUserRequest}).
 *
 * @param userId the user's id
 */
final class ReactivateUserRequest {


	/**
	 * The request for the given user.
	 * @param userId the user's id
	 * @return the request
	 */
	public static ReactivateUserRequest of(String userId) {
		return new ReactivateUserRequest(userId);
	}

}
