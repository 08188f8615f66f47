package io.github.zitadelstarter.examples;

import io.github.zitadelstarter.api.ZitadelApiException;
import io.github.zitadelstarter.api.ZitadelErrorCode;
import io.github.zitadelstarter.api.authorization.AuthorizationsSearchFilter;
import io.github.zitadelstarter.api.authorization.CreateAuthorizationRequest;
import io.github.zitadelstarter.api.authorization.ListAuthorizationsRequest;
import io.github.zitadelstarter.api.authorization.ReactiveAuthorizationServiceClient;
import io.github.zitadelstarter.api.user.CreateUserRequest;
import io.github.zitadelstarter.api.user.CreateUserRequestHuman;
import io.github.zitadelstarter.api.user.CreateUserResponse;
import io.github.zitadelstarter.api.user.ListUsersRequest;
import io.github.zitadelstarter.api.user.ReactiveUserServiceClient;
import io.github.zitadelstarter.api.user.SearchQuery;
import io.github.zitadelstarter.api.user.SetHumanEmail;
import io.github.zitadelstarter.api.user.SetHumanProfile;
import io.github.zitadelstarter.api.user.SetUserMetadataRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Gives new team members a ZITADEL user and the "editor" role of the team's project, without
 * blocking.
 */
@Service
public class ReactiveTeamOnboarding {

	private final ReactiveUserServiceClient users;

	private final ReactiveAuthorizationServiceClient authorizations;

	public ReactiveTeamOnboarding(ReactiveUserServiceClient users,
			ReactiveAuthorizationServiceClient authorizations) {
		this.users = users;
		this.authorizations = authorizations;
	}

	/**
	 * Creates a human user named by their email address, or takes the one that exists, notes
	 * the team in its metadata and makes it an editor of the project. Gives the user's id.
	 */
	public Mono<String> onboard(String organizationId, String projectId, String email, String givenName,
			String familyName) {
		return createOrFind(organizationId, email, givenName, familyName)
			.flatMap((userId) -> this.users.setUserMetadata(SetUserMetadataRequest.of(userId, "team", "platform"))
				.then(this.authorizations
					.createAuthorization(CreateAuthorizationRequest.of(userId, projectId, organizationId, "editor")))
				.thenReturn(userId));
	}

	/** The login names of the project's editors, fetched page by page as they are consumed. */
	public Flux<String> editors(String projectId) {
		return this.authorizations
			.listAllAuthorizations(ListAuthorizationsRequest.of(AuthorizationsSearchFilter.projectId(projectId),
					AuthorizationsSearchFilter.roleKey("editor")))
			.map((authorization) -> authorization.user().preferredLoginName());
	}

	private Mono<String> createOrFind(String organizationId, String email, String givenName, String familyName) {
		return this.users
			.createUser(CreateUserRequest
				.human(organizationId,
						CreateUserRequestHuman.of(SetHumanProfile.of(givenName, familyName), SetHumanEmail.verified(email)))
				.withUsername(email))
			.mapNotNull(CreateUserResponse::id)
			.onErrorResume(
					(ex) -> ex instanceof ZitadelApiException zitadel && zitadel.getCode() == ZitadelErrorCode.ALREADY_EXISTS,
					(ex) -> this.users.listUsers(ListUsersRequest.of(SearchQuery.userName(email)))
						.map((page) -> page.result().get(0).userId()));
	}

}
