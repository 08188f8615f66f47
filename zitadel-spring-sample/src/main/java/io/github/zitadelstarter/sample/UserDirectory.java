package io.github.zitadelstarter.sample;

import io.github.zitadelstarter.api.ZitadelApiException;
import io.github.zitadelstarter.api.ZitadelErrorCode;
import io.github.zitadelstarter.api.object.TextQueryMethod;
import io.github.zitadelstarter.api.user.GetUserByIDRequest;
import io.github.zitadelstarter.api.user.HumanProfile;
import io.github.zitadelstarter.api.user.ListUsersRequest;
import io.github.zitadelstarter.api.user.ReactiveUserServiceClient;
import io.github.zitadelstarter.api.user.SearchQuery;
import io.github.zitadelstarter.api.user.User;
import io.github.zitadelstarter.token.ZitadelTokenException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Looks users up in ZITADEL through the starter's typed user service client.
 */
@Service
public class UserDirectory {

	private final ReactiveUserServiceClient users;

	public UserDirectory(ReactiveUserServiceClient users) {
		this.users = users;
	}

	/**
	 * The display name of a user: "(unknown user)" if ZITADEL has no user with that id, an
	 * {@link UnavailableException} if ZITADEL cannot be asked.
	 */
	public Mono<String> displayName(String userId) {
		return this.users.getUserByID(GetUserByIDRequest.of(userId))
			.mapNotNull((response) -> response.user())
			.map(UserDirectory::displayName)
			.onErrorResume(UserDirectory::isNotFound, (ex) -> Mono.just("(unknown user)"))
			.onErrorMap((ex) -> ex instanceof WebClientRequestException || ex instanceof ZitadelTokenException,
					(ex) -> new UnavailableException("ZITADEL cannot be reached: " + ex.getMessage(), ex));
	}

	/**
	 * The users whose user name starts with a prefix, in any case; all users without one.
	 * ZITADEL is asked page by page as the result is consumed.
	 */
	public Flux<User> search(String userNamePrefix) {
		ListUsersRequest request = userNamePrefix.isEmpty() ? ListUsersRequest.of()
				: ListUsersRequest.of(
						SearchQuery.userName(userNamePrefix, TextQueryMethod.TEXT_QUERY_METHOD_STARTS_WITH_IGNORE_CASE));
		return this.users.listAllUsers(request);
	}

	private static String displayName(User user) {
		HumanProfile profile = (user.human() != null) ? user.human().profile() : null;
		if (profile != null && profile.displayName() != null) {
			return profile.displayName();
		}
		return (user.username() != null) ? user.username() : "(unnamed user)";
	}

	private static boolean isNotFound(Throwable ex) {
		return ex instanceof ZitadelApiException zitadel && zitadel.getCode() == ZitadelErrorCode.NOT_FOUND;
	}

	/** ZITADEL could not be asked: unreachable, or no access token could be had. */
	public static class UnavailableException extends RuntimeException {

		UnavailableException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
