package io.github.zitadelstarter.api.project;

import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

import io.github.zitadelstarter.test.ProtoContract;
import io.github.zitadelstarter.api.ZitadelApiException;
import io.github.zitadelstarter.api.ZitadelErrorCode;
import io.github.zitadelstarter.api.filter.TextFilterMethod;
import io.github.zitadelstarter.api.organization.AddOrganizationRequest;
import io.github.zitadelstarter.api.organization.OrganizationServiceClient;
import io.github.zitadelstarter.test.ApiCall;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.context.EnableLocalZitadel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The blocking project client as an application meets it: the injected bean, against the
 * local ZITADEL, which keeps what it is told and answers in ZITADEL's shapes.
 */
@SpringBootTest(classes = ProjectTestApplication.class)
@EnableLocalZitadel
class ProjectServiceClientTests {

	@Autowired
	ProjectServiceClient projects;

	@Autowired
	OrganizationServiceClient organizations;

	@Autowired
	LocalZitadel zitadel;

	@AfterEach
	void everyCallConformsToZitadelsProtos() {
		ProtoContract.assertConforms(this.zitadel.apiCalls());
	}

	@Test
	void aProjectIsCreatedReadUpdatedDeactivatedActivatedAndDeleted() {
		String organizationId = this.zitadel.organizationId();
		CreateProjectResponse created = this.projects
			.createProject(CreateProjectRequest.of(organizationId, "Shop").withAuthorizationRequired(true));

		Project project = project(created.projectId());
		assertThat(project.name()).isEqualTo("Shop");
		assertThat(project.organizationId()).isEqualTo(organizationId);
		assertThat(project.state()).isEqualTo(ProjectState.PROJECT_STATE_ACTIVE);
		assertThat(project.authorizationRequired()).isTrue();
		assertThat(project.creationDate()).isEqualTo(created.creationDate());

		this.projects.updateProject(UpdateProjectRequest.of(created.projectId())
			.withName("Web shop")
			.withProjectRoleAssertion(true)
			.withAuthorizationRequired(false));
		assertThat(project(created.projectId())).satisfies((updated) -> {
			assertThat(updated.name()).isEqualTo("Web shop");
			assertThat(updated.projectRoleAssertion()).isTrue();
			// false is proto3's default, which ZITADEL's JSON leaves out
			assertThat(updated.authorizationRequired()).isNotEqualTo(Boolean.TRUE);
		});

		this.projects.deactivateProject(DeactivateProjectRequest.of(created.projectId()));
		assertThat(project(created.projectId()).state()).isEqualTo(ProjectState.PROJECT_STATE_INACTIVE);
		this.projects.activateProject(ActivateProjectRequest.of(created.projectId()));
		assertThat(project(created.projectId()).state()).isEqualTo(ProjectState.PROJECT_STATE_ACTIVE);

		assertThat(this.projects.deleteProject(DeleteProjectRequest.of(created.projectId())).deletionDate())
			.isNotNull();
		// Deleting again succeeds: the project is gone, as asked; only the date is missing.
		assertThat(this.projects.deleteProject(DeleteProjectRequest.of(created.projectId())).deletionDate()).isNull();
		assertThatExceptionOfType(ZitadelApiException.class).isThrownBy(() -> project(created.projectId()))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.NOT_FOUND));
	}

	@Test
	void anUnknownProjectArrivesAsNotFoundWithTheRpc() {
		assertThatExceptionOfType(ZitadelApiException.class)
			.isThrownBy(() -> this.projects.getProject(GetProjectRequest.of("100000000000000000")))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.NOT_FOUND);
				assertThat(ex.getStatusCode()).isEqualTo(404);
				assertThat(ex.getRpc()).isEqualTo("zitadel.project.v2.ProjectService/GetProject");
				assertThat(ex.getZitadelMessage()).startsWith("Project not found");
			});
	}

	@Test
	void aSecondProjectOfTheSameNameInAnOrganizationAlreadyExists() {
		this.projects.createProject(CreateProjectRequest.of(this.zitadel.organizationId(), "Shop"));

		assertThatExceptionOfType(ZitadelApiException.class)
			.isThrownBy(() -> this.projects
				.createProject(CreateProjectRequest.of(this.zitadel.organizationId(), "Shop")))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.ALREADY_EXISTS));
	}

	@Test
	void projectsAreListedByFilterOnOnePageOrAllPageByPage() {
		List<String> ids = IntStream.rangeClosed(1, 105)
			.mapToObj((i) -> this.projects
				.createProject(CreateProjectRequest.of(this.zitadel.organizationId(), "Paged %03d".formatted(i)))
				.projectId())
			.toList();
		this.projects.createProject(CreateProjectRequest.of(this.zitadel.organizationId(), "Elsewhere"));
		ListProjectsRequest paged = ListProjectsRequest
			.of(ProjectSearchFilter.projectName("paged", TextFilterMethod.TEXT_FILTER_METHOD_STARTS_WITH_IGNORE_CASE));

		ListProjectsResponse page = this.projects.listProjects(paged.withPagination(100, 10));
		assertThat(page.totalResult()).isEqualTo(105);
		assertThat(page.projects()).hasSize(5);
		assertThat(this.projects.listProjects(ListProjectsRequest.of(ProjectSearchFilter.projectName("Elsewhere"),
				ProjectSearchFilter.organizationId(this.zitadel.organizationId()))).projects())
			.extracting(Project::name)
			.containsExactly("Elsewhere");
		assertThat(this.projects.listProjects(ListProjectsRequest.of(ProjectSearchFilter.inProjectIds(ids.get(0))))
			.projects()).extracting(Project::projectId).containsExactly(ids.get(0));

		this.zitadel.clearRecords();
		assertThat(this.projects.listAllProjects(paged)).extracting(Project::projectId)
			.containsExactlyInAnyOrderElementsOf(ids);
		assertThat(this.zitadel.apiCalls()).extracting(ApiCall::body)
			.allSatisfy((body) -> assertThat(body).contains("\"limit\":100"))
			// the first page's offset is proto3's default 0, left out as ZITADEL's own clients do
			.anySatisfy((body) -> assertThat(body).doesNotContain("\"offset\""))
			.anySatisfy((body) -> assertThat(body).contains("\"offset\":\"100\""))
			.hasSize(2);
	}

	@Test
	void rolesAreAddedListedUpdatedAndRemoved() {
		String projectId = this.projects.createProject(CreateProjectRequest.of(this.zitadel.organizationId(), "Shop"))
			.projectId();
		this.projects.addProjectRole(AddProjectRoleRequest.of(projectId, "admin", "Administrator").withGroup("staff"));
		this.projects.addProjectRole(AddProjectRoleRequest.of(projectId, "viewer", "Viewer"));

		assertThatExceptionOfType(ZitadelApiException.class)
			.isThrownBy(() -> this.projects.addProjectRole(AddProjectRoleRequest.of(projectId, "admin", "Again")))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.ALREADY_EXISTS));
		assertThat(this.projects.listAllProjectRoles(ListProjectRolesRequest.of(projectId)))
			.extracting(ProjectRole::key, ProjectRole::displayName, ProjectRole::group)
			.containsExactlyInAnyOrder(tuple("admin", "Administrator", "staff"),
					tuple("viewer", "Viewer", ""));

		this.projects.updateProjectRole(UpdateProjectRoleRequest.of(projectId, "viewer").withDisplayName("Reader"));
		assertThat(this.projects
			.listProjectRoles(ListProjectRolesRequest.of(projectId, ProjectRoleSearchFilter.displayName("read",
					TextFilterMethod.TEXT_FILTER_METHOD_CONTAINS_IGNORE_CASE)))
			.projectRoles()).extracting(ProjectRole::key).containsExactly("viewer");

		assertThat(this.projects.removeProjectRole(RemoveProjectRoleRequest.of(projectId, "viewer")).removalDate())
			.isNotNull();
		assertThat(this.projects.removeProjectRole(RemoveProjectRoleRequest.of(projectId, "viewer")).removalDate())
			.isNull();
		assertThat(this.projects.listProjectRoles(ListProjectRolesRequest.of(projectId)).projectRoles())
			.extracting(ProjectRole::key)
			.containsExactly("admin");
	}

	@Test
	void aRoleOfAnUnknownProjectFailsItsPrecondition() {
		assertThatExceptionOfType(ZitadelApiException.class)
			.isThrownBy(() -> this.projects
				.addProjectRole(AddProjectRoleRequest.of("100000000000000000", "admin", "Administrator")))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.FAILED_PRECONDITION));
	}

	@Test
	void aProjectIsGrantedToAnotherOrganizationWithSomeOfItsRoles() {
		String owner = this.zitadel.organizationId();
		String partner = Objects.requireNonNull(
				this.organizations.addOrganization(AddOrganizationRequest.of("Partner")).organizationId());
		String projectId = this.projects.createProject(CreateProjectRequest.of(owner, "Shop")).projectId();
		this.projects.addProjectRole(AddProjectRoleRequest.of(projectId, "admin", "Administrator"));
		this.projects.addProjectRole(AddProjectRoleRequest.of(projectId, "viewer", "Viewer"));

		this.projects.createProjectGrant(CreateProjectGrantRequest.of(projectId, partner, "viewer"));
		assertThatExceptionOfType(ZitadelApiException.class)
			.isThrownBy(() -> this.projects.createProjectGrant(CreateProjectGrantRequest.of(projectId, partner)))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.ALREADY_EXISTS));
		assertThat(grantTo(partner)).satisfies((grant) -> {
			assertThat(grant.projectId()).isEqualTo(projectId);
			assertThat(grant.projectName()).isEqualTo("Shop");
			assertThat(grant.organizationId()).isEqualTo(owner);
			assertThat(grant.grantedOrganizationName()).isEqualTo("Partner");
			assertThat(grant.grantedRoleKeys()).containsExactly("viewer");
			assertThat(grant.state()).isEqualTo(ProjectGrantState.PROJECT_GRANT_STATE_ACTIVE);
		});
		// The partner sees the project as granted to it.
		assertThat(this.projects
			.listProjects(ListProjectsRequest
				.of(ProjectSearchFilter.organizationId(partner, ProjectOrganizationIDFilterType.GRANTED)))
			.projects()).singleElement().satisfies((project) -> {
				assertThat(project.projectId()).isEqualTo(projectId);
				assertThat(project.grantedOrganizationId()).isEqualTo(partner);
				assertThat(project.grantedState()).isEqualTo(GrantedProjectState.GRANTED_PROJECT_STATE_ACTIVE);
			});

		this.projects.updateProjectGrant(UpdateProjectGrantRequest.of(projectId, partner, "admin", "viewer"));
		assertThat(grantTo(partner).grantedRoleKeys()).containsExactlyInAnyOrder("admin", "viewer");
		this.projects.deactivateProjectGrant(DeactivateProjectGrantRequest.of(projectId, partner));
		assertThat(grantTo(partner).state()).isEqualTo(ProjectGrantState.PROJECT_GRANT_STATE_INACTIVE);
		this.projects.activateProjectGrant(ActivateProjectGrantRequest.of(projectId, partner));
		assertThat(grantTo(partner).state()).isEqualTo(ProjectGrantState.PROJECT_GRANT_STATE_ACTIVE);

		assertThat(this.projects.deleteProjectGrant(DeleteProjectGrantRequest.of(projectId, partner)).deletionDate())
			.isNotNull();
		assertThat(this.projects.deleteProjectGrant(DeleteProjectGrantRequest.of(projectId, partner)).deletionDate())
			.isNull();
		assertThat(this.projects.listAllProjectGrants(ListProjectGrantsRequest.of())).isEmpty();
	}

	@Test
	void aProjectCannotBeGrantedToItsOwnOrganizationNorToAnUnknownOne() {
		String projectId = this.projects.createProject(CreateProjectRequest.of(this.zitadel.organizationId(), "Shop"))
			.projectId();

		assertThatExceptionOfType(ZitadelApiException.class)
			.isThrownBy(() -> this.projects
				.createProjectGrant(CreateProjectGrantRequest.of(projectId, this.zitadel.organizationId())))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.INVALID_ARGUMENT));
		assertThatExceptionOfType(ZitadelApiException.class)
			.isThrownBy(() -> this.projects
				.createProjectGrant(CreateProjectGrantRequest.of(projectId, "100000000000000000")))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.FAILED_PRECONDITION));
		assertThat(this.projects.listProjectGrants(ListProjectGrantsRequest.of()).projectGrants()).isEmpty();
	}

	@Test
	void aWithheldPermissionArrivesAsPermissionDeniedNamingIt() {
		this.zitadel.withholdPermission("project.create");

		assertThatExceptionOfType(ZitadelApiException.class)
			.isThrownBy(() -> this.projects
				.createProject(CreateProjectRequest.of(this.zitadel.organizationId(), "Shop")))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.PERMISSION_DENIED);
				assertThat(ex.getRpc()).isEqualTo("zitadel.project.v2.ProjectService/CreateProject");
				assertThat(ex.getRequiredPermission()).isEqualTo("project.create");
				assertThat(ex.getMessage()).contains("'project.create'");
			});
	}

	private ProjectGrant grantTo(String organizationId) {
		return this.projects
			.listProjectGrants(
					ListProjectGrantsRequest.of(ProjectGrantSearchFilter.grantedOrganizationId(organizationId)))
			.projectGrants()
			.get(0);
	}

	private Project project(String projectId) {
		return this.projects.getProject(GetProjectRequest.of(projectId)).project();
	}

}
