package io.github.zitadelstarter.api.user;

/**
 * Generates a client secret for a machine user, replacing any it had
 * ({@code zitadel.user.v2.AddSecretRequest}); its client id is its user name.
 *
 * @param userId the user's id
 */
final class AddSecretRequest {


	/**
	 * The request for the given user.
	 * @param userId the user's id
	 * @return the request
	 */
	public static AddSecretRequest of(String userId) {
		return new AddSecretRequest(userId);
	}

}
