package io.github.zitadelstarter.api.user;

import java.util.stream.Stream;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

import io.github.zitadelstarter.api.RequiredPermission;
import io.github.zitadelstarter.api.ZitadelPages;
import io.github.zitadelstarter.api.metadata.Metadata;

/**
 * The client of ZITADEL's user service ({@code zitadel.user.v2.UserService}): human and
 * machine users, their state, metadata, keys, personal access tokens and secrets.
 */
@HttpExchange(url = "/zitadel.user.v2.UserService", contentType = MediaType.APPLICATION_JSON_VALUE,
		accept = MediaType.APPLICATION_JSON_VALUE)
public interface UserServiceClient {

	/**
	 * Creates a human user or a machine user (service account) in an organization.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/CreateUser")
	@RequiredPermission("user.write")
	CreateUserResponse createUser(@RequestBody CreateUserRequest request);

	/**
	 * Gets a user, human or machine, with its profile, email and phone.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/GetUserByID")
	@RequiredPermission("user.read")
	GetUserByIDResponse getUserByID(@RequestBody GetUserByIDRequest request);

	/**
	 * Lists one page of the users matching the request's queries that the caller may read.
	 * Set a limit and a sorting for stable pages, or use {@link #listAllUsers}.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/ListUsers")
	@RequiredPermission("user.read")
	ListUsersResponse listUsers(@RequestBody ListUsersRequest request);

	/**
	 * Changes a user partially; what the request leaves out stays as it is.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/UpdateUser")
	@RequiredPermission("user.write")
	UpdateUserResponse updateUser(@RequestBody UpdateUserRequest request);

	/**
	 * Deactivates a user, who can then no longer log in; fails if it is already inactive.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/DeactivateUser")
	@RequiredPermission("user.write")
	DeactivateUserResponse deactivateUser(@RequestBody DeactivateUserRequest request);

	/**
	 * Reactivates a deactivated user; fails if it is not inactive.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/ReactivateUser")
	@RequiredPermission("user.write")
	ReactivateUserResponse reactivateUser(@RequestBody ReactivateUserRequest request);

	/**
	 * Locks a user, who can then not log in until unlocked; fails if it is already locked.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/LockUser")
	@RequiredPermission("user.write")
	LockUserResponse lockUser(@RequestBody LockUserRequest request);

	/**
	 * Unlocks a locked user; fails if it is not locked.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/UnlockUser")
	@RequiredPermission("user.write")
	UnlockUserResponse unlockUser(@RequestBody UnlockUserRequest request);

	/**
	 * Deletes a user; it is not found afterwards.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/DeleteUser")
	@RequiredPermission("user.delete")
	DeleteUserResponse deleteUser(@RequestBody DeleteUserRequest request);

	/**
	 * Sets metadata entries of a user; an empty value deletes an entry, other entries stay.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/SetUserMetadata")
	@RequiredPermission("user.write")
	SetUserMetadataResponse setUserMetadata(@RequestBody SetUserMetadataRequest request);

	/**
	 * Lists one page of a user's metadata.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/ListUserMetadata")
	@RequiredPermission("user.read")
	ListUserMetadataResponse listUserMetadata(@RequestBody ListUserMetadataRequest request);

	/**
	 * Deletes metadata entries of a user by key.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/DeleteUserMetadata")
	@RequiredPermission("user.write")
	DeleteUserMetadataResponse deleteUserMetadata(@RequestBody DeleteUserMetadataRequest request);

	/**
	 * Adds a key to a machine user for the JWT profile grant; a generated key is returned only
	 * this once.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/AddKey")
	@RequiredPermission("user.write")
	AddKeyResponse addKey(@RequestBody AddKeyRequest request);

	/**
	 * Lists one page of the machine users' keys the caller may read, without their content.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/ListKeys")
	@RequiredPermission("user.read")
	ListKeysResponse listKeys(@RequestBody ListKeysRequest request);

	/**
	 * Removes a key of a machine user.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/RemoveKey")
	@RequiredPermission("user.write")
	RemoveKeyResponse removeKey(@RequestBody RemoveKeyRequest request);

	/**
	 * Adds a personal access token to a machine user; the token is returned only this once.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/AddPersonalAccessToken")
	@RequiredPermission("user.write")
	AddPersonalAccessTokenResponse addPersonalAccessToken(@RequestBody AddPersonalAccessTokenRequest request);

	/**
	 * Lists one page of the machine users' personal access tokens the caller may read.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/ListPersonalAccessTokens")
	@RequiredPermission("user.read")
	ListPersonalAccessTokensResponse listPersonalAccessTokens(@RequestBody ListPersonalAccessTokensRequest request);

	/**
	 * Removes a personal access token of a machine user.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/RemovePersonalAccessToken")
	@RequiredPermission("user.write")
	RemovePersonalAccessTokenResponse removePersonalAccessToken(@RequestBody RemovePersonalAccessTokenRequest request);

	/**
	 * Generates a client secret for a machine user, replacing any it had; returned only this
	 * once.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/AddSecret")
	@RequiredPermission("user.write")
	AddSecretResponse addSecret(@RequestBody AddSecretRequest request);

	/**
	 * Removes a machine user's client secret.
	 * @param request the request
	 * @return the response
	 */
	@PostExchange("/RemoveSecret")
	@RequiredPermission("user.write")
	RemoveSecretResponse removeSecret(@RequestBody RemoveSecretRequest request);

	/**
	 * All users matching the request's queries, fetched page by page.
	 * @param request the request; its pagination is replaced page by page
	 * @return the results, fetched lazily
	 */
	default Stream<User> listAllUsers(ListUsersRequest request) {
		return ZitadelPages.stream(ZitadelPages.DEFAULT_PAGE_SIZE,
				(offset, limit) -> listUsers(request.withPagination(offset, limit)),
				ListUsersResponse::result, ListUsersResponse::totalResult);
	}

	/**
	 * All metadata entries of a user matching the request's filters, fetched page by page.
	 * @param request the request; its pagination is replaced page by page
	 * @return the results, fetched lazily
	 */
	default Stream<Metadata> listAllUserMetadata(ListUserMetadataRequest request) {
		return ZitadelPages.stream(ZitadelPages.DEFAULT_PAGE_SIZE,
				(offset, limit) -> listUserMetadata(request.withPagination(offset, limit)),
				ListUserMetadataResponse::metadata, ListUserMetadataResponse::totalResult);
	}

	/**
	 * All keys matching the request's filters, fetched page by page.
	 * @param request the request; its pagination is replaced page by page
	 * @return the results, fetched lazily
	 */
	default Stream<Key> listAllKeys(ListKeysRequest request) {
		return ZitadelPages.stream(ZitadelPages.DEFAULT_PAGE_SIZE,
				(offset, limit) -> listKeys(request.withPagination(offset, limit)),
				ListKeysResponse::result, ListKeysResponse::totalResult);
	}

	/**
	 * All personal access tokens matching the request's filters, fetched page by page.
	 * @param request the request; its pagination is replaced page by page
	 * @return the results, fetched lazily
	 */
	default Stream<PersonalAccessToken> listAllPersonalAccessTokens(ListPersonalAccessTokensRequest request) {
		return ZitadelPages.stream(ZitadelPages.DEFAULT_PAGE_SIZE,
				(offset, limit) -> listPersonalAccessTokens(request.withPagination(offset, limit)),
				ListPersonalAccessTokensResponse::result, ListPersonalAccessTokensResponse::totalResult);
	}

}
