package io.github.zitadelstarter.api.user;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Creates a human user or a machine user (service account) in an organization
 * ({@code zitadel.user.v2.CreateUserRequest}); exactly one of {@code human} and {@code machine} is
 * set.
 *
 * @param organizationId the organization the user belongs to
 * @param userId an id of your own, unique in the instance; ZITADEL generates one if absent
 * @param username a name unique in the organization; the email (human) or the user id (machine) if
 * absent
 * @param human a user meant for a person, who logs in interactively
 * @param machine a user meant for a machine, which authenticates with a key, a secret or a personal
 * access token
 * @param metadata metadata to set
 */
final class CreateUserRequest {


	/**
	 * A human user.
	 * @param organizationId the organization the user belongs to
	 * @param human the human user's data
	 * @return the request
	 */
	public static CreateUserRequest human(String organizationId, CreateUserRequestHuman human) {
		return new CreateUserRequest(organizationId, null, null, human, null, List.of());
	}

	/**
	 * A machine user.
	 * @param organizationId the organization the user belongs to
	 * @param machine the machine user's data
	 * @return the request
	 */
	public static CreateUserRequest machine(String organizationId, CreateUserRequestMachine machine) {
		return new CreateUserRequest(organizationId, null, null, null, machine, List.of());
	}

	/**
	 * This request with a user name.
	 * @param username a name unique in the organization
	 * @return a copy with the user name
	 */
	public CreateUserRequest withUsername(String username) {
		return new CreateUserRequest(this.organizationId, this.userId, username, this.human, this.machine, this.metadata);
	}

	/**
	 * This request with an id of your own.
	 * @param userId an id unique in the instance
	 * @return a copy with the id
	 */
	public CreateUserRequest withUserId(String userId) {
		return new CreateUserRequest(this.organizationId, userId, this.username, this.human, this.machine, this.metadata);
	}

	/**
	 * This request with metadata.
	 * @param metadata the entries to set
	 * @return a copy with the metadata
	 */
	public CreateUserRequest withMetadata(Metadata... metadata) {
		return new CreateUserRequest(this.organizationId, this.userId, this.username, this.human, this.machine,
				List.of(metadata));
	}

}
