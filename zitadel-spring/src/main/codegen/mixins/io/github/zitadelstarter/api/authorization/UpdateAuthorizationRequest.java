package io.github.zitadelstarter.api.authorization;

import java.util.List;

/**
 * Sets the roles of an authorization: roles it had that are not listed are revoked.
 *
 * @param id the authorization's id
 * @param roleKeys all role keys the user keeps or gets
 */
final class UpdateAuthorizationRequest {


	/**
	 * Sets the roles of an authorization.
	 * @param id the authorization's id
	 * @param roleKeys all role keys the user keeps or gets
	 * @return the request
	 */
	public static UpdateAuthorizationRequest of(String id, String... roleKeys) {
		return new UpdateAuthorizationRequest(id, List.of(roleKeys));
	}

}
