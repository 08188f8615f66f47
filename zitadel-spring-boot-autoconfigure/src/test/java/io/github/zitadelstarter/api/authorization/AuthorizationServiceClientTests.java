package io.github.zitadelstarter.api.authorization;

import java.util.Objects;

import io.github.zitadelstarter.test.ProtoContract;
import io.github.zitadelstarter.api.ZitadelApiException;
import io.github.zitadelstarter.api.ZitadelErrorCode;
import io.github.zitadelstarter.api.organization.AddOrganizationRequest;
import io.github.zitadelstarter.api.organization.OrganizationServiceClient;
import io.github.zitadelstarter.api.project.AddProjectRoleRequest;
import io.github.zitadelstarter.api.project.CreateProjectGrantRequest;
import io.github.zitadelstarter.api.project.CreateProjectRequest;
import io.github.zitadelstarter.api.project.ProjectTestApplication;
import io.github.zitadelstarter.api.project.DeleteProjectGrantRequest;
import io.github.zitadelstarter.api.project.DeleteProjectRequest;
import io.github.zitadelstarter.api.project.ProjectServiceClient;
import io.github.zitadelstarter.api.project.RemoveProjectRoleRequest;
import io.github.zitadelstarter.api.project.UpdateProjectGrantRequest;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.context.EnableLocalZitadel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The blocking authorization client as an application meets it: roles of a project granted
 * to users, through the injected beans, against the local ZITADEL, which checks that the
 * user, the project and its roles exist.
 */
@SpringBootTest(classes = ProjectTestApplication.class)
@EnableLocalZitadel
class AuthorizationServiceClientTests {

	@Autowired
	AuthorizationServiceClient authorizations;

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

	private String organizationId;

	private String projectId;

	@BeforeEach
	void aProjectWithRoles() {
		this.organizationId = this.zitadel.organizationId();
		this.projectId = this.projects.createProject(CreateProjectRequest.of(this.organizationId, "Shop")).projectId();
		this.projects.addProjectRole(AddProjectRoleRequest.of(this.projectId, "admin", "Administrator"));
		this.projects.addProjectRole(AddProjectRoleRequest.of(this.projectId, "viewer", "Viewer"));
	}

	@Test
	void aUserIsGrantedARoleChangedDeactivatedActivatedAndDeleted() {
		String grace = this.zitadel.addHumanUser("grace.hopper", "Grace", "Hopper");
		String id = this.authorizations
			.createAuthorization(CreateAuthorizationRequest.of(grace, this.projectId, this.organizationId, "viewer"))
			.id();

		Authorization authorization = authorization(id);
		assertThat(authorization.user()).satisfies((user) -> {
			assertThat(user.id()).isEqualTo(grace);
			assertThat(user.displayName()).isEqualTo("Grace Hopper");
			assertThat(user.preferredLoginName()).startsWith("grace.hopper@");
		});
		assertThat(authorization.project()).isEqualTo(new Project(this.projectId, "Shop", this.organizationId));
		assertThat(authorization.organization()).extracting(Organization::id).isEqualTo(this.organizationId);
		assertThat(authorization.state()).isEqualTo(State.STATE_ACTIVE);
		assertThat(authorization.roles()).containsExactly(new Role("viewer", "Viewer", null));

		this.authorizations.updateAuthorization(UpdateAuthorizationRequest.of(id, "admin", "viewer"));
		assertThat(authorization(id).roleKeys()).containsExactlyInAnyOrder("admin", "viewer");

		this.authorizations.deactivateAuthorization(DeactivateAuthorizationRequest.of(id));
		assertThat(authorization(id).state()).isEqualTo(State.STATE_INACTIVE);
		assertThat(this.authorizations
			.listAuthorizations(ListAuthorizationsRequest.of(AuthorizationsSearchFilter.state(State.STATE_ACTIVE)))
			.authorizations()).isEmpty();
		this.authorizations.activateAuthorization(ActivateAuthorizationRequest.of(id));
		assertThat(authorization(id).state()).isEqualTo(State.STATE_ACTIVE);

		assertThat(this.authorizations.deleteAuthorization(DeleteAuthorizationRequest.of(id)).deletionDate())
			.isNotNull();
		assertThat(this.authorizations.deleteAuthorization(DeleteAuthorizationRequest.of(id)).deletionDate()).isNull();
		assertThat(this.authorizations
			.listAuthorizations(ListAuthorizationsRequest.of(AuthorizationsSearchFilter.authorizationIds(id)))
			.totalResult()).isZero();
	}

	@Test
	void authorizationsAreListedByUserByProjectAndByRole() {
		String grace = this.zitadel.addHumanUser("grace.hopper", "Grace", "Hopper");
		String serviceUser = this.zitadel.userId();
		String other = this.projects.createProject(CreateProjectRequest.of(this.organizationId, "Other")).projectId();
		this.projects.addProjectRole(AddProjectRoleRequest.of(other, "admin", "Administrator"));
		String graceInShop = this.authorizations
			.createAuthorization(CreateAuthorizationRequest.of(grace, this.projectId, this.organizationId, "admin"))
			.id();
		String serviceUserInShop = this.authorizations
			.createAuthorization(
					CreateAuthorizationRequest.of(serviceUser, this.projectId, this.organizationId, "viewer"))
			.id();
		String graceInOther = this.authorizations
			.createAuthorization(CreateAuthorizationRequest.of(grace, other, this.organizationId, "admin"))
			.id();

		assertThat(this.authorizations.listAllAuthorizations(
				ListAuthorizationsRequest.of(AuthorizationsSearchFilter.inUserIds(grace))))
			.extracting(Authorization::id)
			.containsExactlyInAnyOrder(graceInShop, graceInOther);
		assertThat(this.authorizations.listAllAuthorizations(
				ListAuthorizationsRequest.of(AuthorizationsSearchFilter.projectId(this.projectId))))
			.extracting(Authorization::id)
			.containsExactlyInAnyOrder(graceInShop, serviceUserInShop);
		assertThat(this.authorizations.listAllAuthorizations(ListAuthorizationsRequest
			.of(AuthorizationsSearchFilter.projectId(this.projectId), AuthorizationsSearchFilter.roleKey("admin"))))
			.extracting(Authorization::id)
			.containsExactly(graceInShop);
		assertThat(this.authorizations.listAllAuthorizations(
				ListAuthorizationsRequest.of(AuthorizationsSearchFilter.organizationId(this.organizationId))))
			.hasSize(3);
	}

	@Test
	void aRemovedRoleOrProjectIsTakenOutOfItsAuthorizations() {
		String grace = this.zitadel.addHumanUser("grace.hopper", "Grace", "Hopper");
		String id = this.authorizations
			.createAuthorization(
					CreateAuthorizationRequest.of(grace, this.projectId, this.organizationId, "admin", "viewer"))
			.id();

		this.projects.removeProjectRole(RemoveProjectRoleRequest.of(this.projectId, "admin"));
		assertThat(authorization(id).roleKeys()).containsExactly("viewer");

		this.projects.deleteProject(DeleteProjectRequest.of(this.projectId));
		assertThat(this.authorizations.listAuthorizations(ListAuthorizationsRequest.of()).authorizations()).isEmpty();
	}

	@Test
	void inAnOrganizationThatWasGrantedTheProjectOnlyTheGrantedRolesCanBeGiven() {
		String partner = Objects.requireNonNull(
				this.organizations.addOrganization(AddOrganizationRequest.of("Partner")).organizationId());
		String grace = this.zitadel.addHumanUser("grace.hopper", "Grace", "Hopper");
		assertFailedPrecondition(CreateAuthorizationRequest.of(grace, this.projectId, partner, "viewer"));
		this.projects.createProjectGrant(CreateProjectGrantRequest.of(this.projectId, partner, "viewer"));

		assertFailedPrecondition(CreateAuthorizationRequest.of(grace, this.projectId, partner, "admin"));
		String id = this.authorizations
			.createAuthorization(CreateAuthorizationRequest.of(grace, this.projectId, partner, "viewer"))
			.id();
		assertThat(authorization(id)).satisfies((authorization) -> {
			assertThat(authorization.organization()).isEqualTo(new Organization(partner, "Partner"));
			assertThat(authorization.project()).extracting(Project::organizationId).isEqualTo(this.organizationId);
		});

		// Roles taken from the grant, or the grant itself, are taken from its authorizations.
		this.projects.updateProjectGrant(UpdateProjectGrantRequest.of(this.projectId, partner, "admin"));
		assertThat(authorization(id).roleKeys()).isEmpty();
		this.projects.deleteProjectGrant(DeleteProjectGrantRequest.of(this.projectId, partner));
		assertThat(this.authorizations
			.listAuthorizations(ListAuthorizationsRequest.of(AuthorizationsSearchFilter.organizationId(partner)))
			.authorizations()).isEmpty();
	}

	@Test
	void anAuthorizationNeedsAUserTheProjectAndItsRoles() {
		String serviceUser = this.zitadel.userId();

		assertFailedPrecondition(CreateAuthorizationRequest.of("100000000000000000", this.projectId,
				this.organizationId, "admin"));
		assertFailedPrecondition(
				CreateAuthorizationRequest.of(serviceUser, "100000000000000000", this.organizationId, "admin"));
		assertFailedPrecondition(
				CreateAuthorizationRequest.of(serviceUser, this.projectId, this.organizationId, "owner"));
		this.authorizations
			.createAuthorization(CreateAuthorizationRequest.of(serviceUser, this.projectId, this.organizationId));
		assertThatExceptionOfType(ZitadelApiException.class)
			.isThrownBy(() -> this.authorizations.createAuthorization(
					CreateAuthorizationRequest.of(serviceUser, this.projectId, this.organizationId, "admin")))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.ALREADY_EXISTS));
		assertThatExceptionOfType(ZitadelApiException.class)
			.isThrownBy(() -> this.authorizations
				.updateAuthorization(UpdateAuthorizationRequest.of("100000000000000000", "admin")))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.NOT_FOUND);
				assertThat(ex.getRpc()).isEqualTo("zitadel.authorization.v2.AuthorizationService/UpdateAuthorization");
			});
	}

	@Test
	void aWithheldPermissionArrivesAsPermissionDeniedNamingIt() {
		this.zitadel.withholdPermission("user.grant.read");

		assertThatExceptionOfType(ZitadelApiException.class)
			.isThrownBy(() -> this.authorizations.listAuthorizations(ListAuthorizationsRequest.of()))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.PERMISSION_DENIED);
				assertThat(ex.getRequiredPermission()).isEqualTo("user.grant.read");
			});
	}

	private void assertFailedPrecondition(CreateAuthorizationRequest request) {
		assertThatExceptionOfType(ZitadelApiException.class)
			.isThrownBy(() -> this.authorizations.createAuthorization(request))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.FAILED_PRECONDITION));
	}

	private Authorization authorization(String id) {
		return this.authorizations
			.listAuthorizations(ListAuthorizationsRequest.of(AuthorizationsSearchFilter.authorizationIds(id)))
			.authorizations()
			.get(0);
	}

}
