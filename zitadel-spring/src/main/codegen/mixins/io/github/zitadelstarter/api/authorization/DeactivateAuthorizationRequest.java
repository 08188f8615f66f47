package io.github.zitadelstarter.api.authorization;

/**
 * Deactivates an active authorization; deactivating an inactive one succeeds.
 *
 * @param id the authorization's id
 */
final class DeactivateAuthorizationRequest {


	/**
	 * Deactivates an active authorization; deactivating an inactive one succeeds.
	 * @param id the authorization's id
	 * @return the request
	 */
	public static DeactivateAuthorizationRequest of(String id) {
		return new DeactivateAuthorizationRequest(id);
	}

}
