package io.github.zitadelstarter.api.authorization;

import java.time.Duration;

import io.github.zitadelstarter.test.ProtoContract;
import io.github.zitadelstarter.api.ZitadelApiException;
import io.github.zitadelstarter.api.ZitadelErrorCode;
import io.github.zitadelstarter.api.project.AddProjectRoleRequest;
import io.github.zitadelstarter.api.project.CreateProjectRequest;
import io.github.zitadelstarter.api.project.ProjectTestApplication;
import io.github.zitadelstarter.api.project.ReactiveProjectServiceClient;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.context.EnableLocalZitadel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reactive authorization client as a WebFlux application meets it: a project role
 * granted to the service user, listed, changed and deleted, each call a {@code Mono}.
 */
@SpringBootTest(classes = ProjectTestApplication.class)
@EnableLocalZitadel
class ReactiveAuthorizationServiceClientTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	ReactiveAuthorizationServiceClient authorizations;

	@Autowired
	ReactiveProjectServiceClient projects;

	@Autowired
	LocalZitadel zitadel;

	@AfterEach
	void everyCallConformsToZitadelsProtos() {
		ProtoContract.assertConforms(this.zitadel.apiCalls());
	}

	@Test
	void aProjectRoleIsGrantedToTheServiceUserListedChangedAndDeleted() {
		String organizationId = this.zitadel.organizationId();
		String userId = this.zitadel.userId();
		String id = this.projects.createProject(CreateProjectRequest.of(organizationId, "Shop"))
			.flatMap((project) -> this.projects
				.addProjectRole(AddProjectRoleRequest.of(project.projectId(), "admin", "Administrator"))
				.then(this.projects.addProjectRole(AddProjectRoleRequest.of(project.projectId(), "viewer", "Viewer")))
				.then(this.authorizations.createAuthorization(
						CreateAuthorizationRequest.of(userId, project.projectId(), organizationId, "viewer"))))
			.map(CreateAuthorizationResponse::id)
			.block(TIMEOUT);

		StepVerifier
			.create(this.authorizations
				.listAllAuthorizations(ListAuthorizationsRequest.of(AuthorizationsSearchFilter.inUserIds(userId))))
			.assertNext((authorization) -> {
				assertThat(authorization.id()).isEqualTo(id);
				assertThat(authorization.user()).extracting(User::id).isEqualTo(userId);
				assertThat(authorization.roleKeys()).containsExactly("viewer");
			})
			.verifyComplete();
		StepVerifier
			.create(this.authorizations.updateAuthorization(UpdateAuthorizationRequest.of(id, "admin"))
				.then(this.authorizations.listAuthorizations(
						ListAuthorizationsRequest.of(AuthorizationsSearchFilter.roleKey("admin")))))
			.assertNext((response) -> assertThat(response.authorizations()).extracting(Authorization::id)
				.containsExactly(id))
			.verifyComplete();
		StepVerifier
			.create(this.authorizations.deleteAuthorization(DeleteAuthorizationRequest.of(id))
				.then(Mono.defer(() -> this.authorizations.deactivateAuthorization(
						DeactivateAuthorizationRequest.of(id)))))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(ZitadelApiException.class,
					(ex) -> assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.NOT_FOUND)))
			.verify(TIMEOUT);
	}

}
