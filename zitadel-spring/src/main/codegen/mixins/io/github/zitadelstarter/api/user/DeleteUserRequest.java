package io.github.zitadelstarter.api.user;

/**
 * Deletes a user ({@code zitadel.user.v2.DeleteUserRequest}).
 *
 * @param userId the user's id
 */
final class DeleteUserRequest {


	/**
	 * The request for the given user.
	 * @param userId the user's id
	 * @return the request
	 */
	public static DeleteUserRequest of(String userId) {
		return new DeleteUserRequest(userId);
	}

}
