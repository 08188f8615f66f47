package io.github.zitadelstarter.api.user;

/**
 * Gets a user by id ({@code zitadel.user.v2.GetUserByIDRequest}).
 *
 * @param userId the user's id
 */
final class GetUserByIDRequest {


	/**
	 * The request for the given user.
	 * @param userId the user's id
	 * @return the request
	 */
	public static GetUserByIDRequest of(String userId) {
		return new GetUserByIDRequest(userId);
	}

}
