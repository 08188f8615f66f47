package io.github.zitadelstarter.api.project;

import java.time.Duration;

import io.github.zitadelstarter.test.ProtoContract;
import io.github.zitadelstarter.api.ZitadelApiException;
import io.github.zitadelstarter.api.ZitadelErrorCode;
import io.github.zitadelstarter.api.filter.TextFilterMethod;
import io.github.zitadelstarter.test.ApiCall;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.context.EnableLocalZitadel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reactive project client as a WebFlux application meets it: every call a {@code Mono},
 * the list of all projects a {@code Flux} that fetches page by page.
 */
@SpringBootTest(classes = ProjectTestApplication.class)
@EnableLocalZitadel
class ReactiveProjectServiceClientTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Autowired
	ReactiveProjectServiceClient projects;

	@Autowired
	LocalZitadel zitadel;

	@AfterEach
	void everyCallConformsToZitadelsProtos() {
		ProtoContract.assertConforms(this.zitadel.apiCalls());
	}

	@Test
	void aProjectAndItsRoleAreCreatedReadAndDeleted() {
		StepVerifier
			.create(this.projects.createProject(CreateProjectRequest.of(this.zitadel.organizationId(), "Shop"))
				.flatMap((created) -> this.projects
					.addProjectRole(AddProjectRoleRequest.of(created.projectId(), "admin", "Administrator"))
					.then(this.projects.getProject(GetProjectRequest.of(created.projectId())))))
			.assertNext((response) -> {
				assertThat(response.project().name()).isEqualTo("Shop");
				assertThat(response.project().state()).isEqualTo(ProjectState.PROJECT_STATE_ACTIVE);
			})
			.verifyComplete();
		String projectId = this.projects.listProjects(ListProjectsRequest.of(ProjectSearchFilter.projectName("Shop")))
			.map((response) -> response.projects().get(0).projectId())
			.block(TIMEOUT);

		StepVerifier.create(this.projects.listAllProjectRoles(ListProjectRolesRequest.of(projectId)))
			.assertNext((role) -> assertThat(role.key()).isEqualTo("admin"))
			.verifyComplete();
		StepVerifier.create(this.projects.deleteProject(DeleteProjectRequest.of(projectId)))
			.assertNext((response) -> assertThat(response.deletionDate()).isNotNull())
			.verifyComplete();
		StepVerifier.create(this.projects.getProject(GetProjectRequest.of(projectId)))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(ZitadelApiException.class,
					(ex) -> {
						assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.NOT_FOUND);
						assertThat(ex.getRpc()).isEqualTo("zitadel.project.v2.ProjectService/GetProject");
					}))
			.verify(TIMEOUT);
	}

	@Test
	void allProjectsArriveAsAFluxThatFetchesPageByPage() {
		Flux.range(1, 101)
			.flatMap((i) -> this.projects
				.createProject(CreateProjectRequest.of(this.zitadel.organizationId(), "Paged " + i)), 4)
			.blockLast(TIMEOUT);
		this.zitadel.clearRecords();

		StepVerifier
			.create(this.projects.listAllProjects(ListProjectsRequest
				.of(ProjectSearchFilter.projectName("Paged ", TextFilterMethod.TEXT_FILTER_METHOD_STARTS_WITH))))
			.expectNextCount(101)
			.verifyComplete();
		assertThat(this.zitadel.apiCalls()).extracting(ApiCall::path)
			.containsExactly("/zitadel.project.v2.ProjectService/ListProjects",
					"/zitadel.project.v2.ProjectService/ListProjects");
		// Taking fewer than a page fetches no second one.
		this.zitadel.clearRecords();
		StepVerifier.create(this.projects.listAllProjects(ListProjectsRequest.of()).take(3))
			.expectNextCount(3)
			.verifyComplete();
		assertThat(this.zitadel.apiCalls()).hasSize(1);
	}

}
