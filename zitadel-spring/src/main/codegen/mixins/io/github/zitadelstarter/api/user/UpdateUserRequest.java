package io.github.zitadelstarter.api.user;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Changes a user partially ({@code zitadel.user.v2.UpdateUserRequest}); what is absent stays as it
 * is.
 *
 * @param userId the user's id
 * @param username a new user name, unique in the instance; invalidates the user's tokens and
 * sessions
 * @param human changes to a human user
 * @param machine changes to a machine user
 * @param metadata metadata to set; an empty value deletes an entry
 */
final class UpdateUserRequest {


	/**
	 * A change of a human user.
	 * @param userId the user's id
	 * @param human the changes
	 * @return the request
	 */
	public static UpdateUserRequest human(String userId, UpdateUserRequestHuman human) {
		return new UpdateUserRequest(userId, null, human, null, List.of());
	}

	/**
	 * A change of a machine user.
	 * @param userId the user's id
	 * @param machine the changes
	 * @return the request
	 */
	public static UpdateUserRequest machine(String userId, UpdateUserRequestMachine machine) {
		return new UpdateUserRequest(userId, null, null, machine, List.of());
	}

	/**
	 * A change of a user's name.
	 * @param userId the user's id
	 * @param username the new user name
	 * @return the request
	 */
	public static UpdateUserRequest username(String userId, String username) {
		return new UpdateUserRequest(userId, username, null, null, List.of());
	}

}
