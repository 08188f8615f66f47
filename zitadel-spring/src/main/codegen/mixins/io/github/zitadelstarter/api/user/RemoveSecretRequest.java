package io.github.zitadelstarter.api.user;

/**
 * Removes a machine user's client secret ({@code zitadel.user.v2.RemoveSecretRequest}).
 *
 * @param userId the user's id
 */
final class RemoveSecretRequest {


	/**
	 * The request for the given user.
	 * @param userId the user's id
	 * @return the request
	 */
	public static RemoveSecretRequest of(String userId) {
		return new RemoveSecretRequest(userId);
	}

}
