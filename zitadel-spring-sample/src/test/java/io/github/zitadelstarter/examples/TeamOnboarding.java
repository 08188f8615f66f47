package io.github.zitadelstarter.examples;

import java.util.List;

import io.github.zitadelstarter.api.ZitadelApiException;
import io.github.zitadelstarter.api.ZitadelErrorCode;
import io.github.zitadelstarter.api.authorization.AuthorizationServiceClient;
import io.github.zitadelstarter.api.authorization.AuthorizationsSearchFilter;
import io.github.zitadelstarter.api.authorization.CreateAuthorizationRequest;
import io.github.zitadelstarter.api.authorization.ListAuthorizationsRequest;
import io.github.zitadelstarter.api.project.AddProjectRoleRequest;
import io.github.zitadelstarter.api.project.CreateProjectRequest;
import io.github.zitadelstarter.api.project.ProjectServiceClient;
import io.github.zitadelstarter.api.user.CreateUserRequest;
import io.github.zitadelstarter.api.user.CreateUserRequestHuman;
import io.github.zitadelstarter.api.user.ListUsersRequest;
import io.github.zitadelstarter.api.user.SearchQuery;
import io.github.zitadelstarter.api.user.SetHumanEmail;
import io.github.zitadelstarter.api.user.SetHumanProfile;
import io.github.zitadelstarter.api.user.SetUserMetadataRequest;
import io.github.zitadelstarter.api.user.UserServiceClient;

import org.springframework.stereotype.Service;

/**
 * Gives new team members a ZITADEL user and the "editor" role of the team's project.
 */
@Service
public class TeamOnboarding {

	private final UserServiceClient users;

	private final ProjectServiceClient projects;

	private final AuthorizationServiceClient authorizations;

	public TeamOnboarding(UserServiceClient users, ProjectServiceClient projects,
			AuthorizationServiceClient authorizations) {
		this.users = users;
		this.projects = projects;
		this.authorizations = authorizations;
	}

	/** Creates the team's project with an "editor" role; returns the project's id. */
	public String createProject(String organizationId, String name) {
		String projectId = this.projects.createProject(CreateProjectRequest.of(organizationId, name)).projectId();
		this.projects.addProjectRole(AddProjectRoleRequest.of(projectId, "editor", "Editor"));
		return projectId;
	}

	/**
	 * Creates a human user named by their email address, or takes the one that exists, notes
	 * the team in its metadata and makes it an editor of the project. Returns the user's id.
	 */
	public String onboard(String organizationId, String projectId, String email, String givenName,
			String familyName) {
		String userId = createOrFind(organizationId, email, givenName, familyName);
		this.users.setUserMetadata(SetUserMetadataRequest.of(userId, "team", "platform"));
		this.authorizations
			.createAuthorization(CreateAuthorizationRequest.of(userId, projectId, organizationId, "editor"));
		return userId;
	}

	/** The login names of the project's editors, fetched page by page however many there are. */
	public List<String> editors(String projectId) {
		return this.authorizations
			.listAllAuthorizations(ListAuthorizationsRequest.of(AuthorizationsSearchFilter.projectId(projectId),
					AuthorizationsSearchFilter.roleKey("editor")))
			.map((authorization) -> authorization.user().preferredLoginName())
			.toList();
	}

	private String createOrFind(String organizationId, String email, String givenName, String familyName) {
		try {
			return this.users
				.createUser(CreateUserRequest
					.human(organizationId,
							CreateUserRequestHuman.of(SetHumanProfile.of(givenName, familyName),
									SetHumanEmail.verified(email)))
					.withUsername(email))
				.id();
		}
		catch (ZitadelApiException ex) {
			if (ex.getCode() != ZitadelErrorCode.ALREADY_EXISTS) {
				throw ex;
			}
			return this.users.listUsers(ListUsersRequest.of(SearchQuery.userName(email))).result().get(0).userId();
		}
	}

}
