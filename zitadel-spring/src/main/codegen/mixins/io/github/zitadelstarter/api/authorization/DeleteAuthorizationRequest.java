package io.github.zitadelstarter.api.authorization;

/**
 * Deletes an authorization; deleting one that does not exist succeeds.
 *
 * @param id the authorization's id
 */
final class DeleteAuthorizationRequest {


	/**
	 * Deletes an authorization; deleting one that does not exist succeeds.
	 * @param id the authorization's id
	 * @return the request
	 */
	public static DeleteAuthorizationRequest of(String id) {
		return new DeleteAuthorizationRequest(id);
	}

}
