package io.github.zitadelstarter.api.authorization;

/**
 * Activates an inactive authorization; activating an active one succeeds.
 *
 * @param id the authorization's id
 */
final class ActivateAuthorizationRequest {


	/**
	 * Activates an inactive authorization; activating an active one succeeds.
	 * @param id the authorization's id
	 * @return the request
	 */
	public static ActivateAuthorizationRequest of(String id) {
		return new ActivateAuthorizationRequest(id);
	}

}
