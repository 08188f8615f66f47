package io.github.zitadelstarter.api.organization;

import java.util.List;

import io.github.zitadelstarter.test.ProtoContract;
import io.github.zitadelstarter.api.ZitadelApiException;
import io.github.zitadelstarter.api.ZitadelClients;
import io.github.zitadelstarter.api.ZitadelErrorCode;
import io.github.zitadelstarter.api.metadata.MetadataSearchFilter;
import io.github.zitadelstarter.api.object.TextQueryMethod;
import io.github.zitadelstarter.api.user.AddHumanUserRequest;
import io.github.zitadelstarter.api.user.GetUserByIDRequest;
import io.github.zitadelstarter.api.user.ListUsersRequest;
import io.github.zitadelstarter.api.user.SetHumanEmail;
import io.github.zitadelstarter.api.user.SetHumanProfile;
import io.github.zitadelstarter.api.user.User;
import io.github.zitadelstarter.api.user.UserServiceClient;
import io.github.zitadelstarter.test.ApiCall;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.context.EnableLocalZitadel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The organization service as an application meets it: the injected
 * {@link OrganizationServiceClient} against the local ZITADEL.
 */
@SpringBootTest(properties = "spring.main.web-application-type=none")
@EnableLocalZitadel
class OrganizationServiceClientTests {

	@Autowired
	OrganizationServiceClient organizations;

	@Autowired
	UserServiceClient users;

	@Autowired
	ZitadelClients clients;

	@Autowired
	LocalZitadel zitadel;

	// Every request sent, answer and error received is what ZITADEL's protos define.
	@AfterEach
	void callsConformToZitadelsProtos() {
		ProtoContract.assertConforms(this.zitadel.apiCalls());
	}

	@Test
	void addsAnOrganizationWithAnAdminAndFindsIt() {
		AddOrganizationResponse added = this.organizations.addOrganization(AddOrganizationRequest.of("Acme Corp")
			.withAdmins(Admin.human(AddHumanUserRequest.of(SetHumanProfile.of("Wile", "Coyote"),
					SetHumanEmail.verified("wile@acme.example")))));

		Organization organization = only(ListOrganizationsRequest.of(SearchQuery.name("Acme Corp")));
		User admin = this.users
			.getUserByID(GetUserByIDRequest.of(added.createdAdmins().get(0).userId()))
			.user();
		assertThat(organization.id()).isEqualTo(added.organizationId());
		assertThat(organization.state()).isEqualTo(OrganizationState.ORGANIZATION_STATE_ACTIVE);
		assertThat(organization.primaryDomain()).isEqualTo("acme-corp.localhost");
		assertThat(organization.details().changeDate()).isNotNull();
		assertThat(admin.details().resourceOwner()).isEqualTo(added.organizationId());
		assertThat(admin.username()).isEqualTo("wile@acme.example");
	}

	@Test
	void listsTheServiceUsersOwnOrganizationAsTheDefaultOne() {
		Organization own = only(ListOrganizationsRequest.of(SearchQuery.defaultOrganization()));

		assertThat(own.id()).isEqualTo(this.zitadel.organizationId());
		assertThat(own.name()).isEqualTo(this.zitadel.organizationName());
		assertThat(this.organizations.listAllOrganizations(ListOrganizationsRequest.of(
				SearchQuery.name("local", TextQueryMethod.TEXT_QUERY_METHOD_CONTAINS_IGNORE_CASE))))
			.extracting(Organization::id)
			.containsExactly(own.id());
	}

	@Test
	void renamesAnOrganizationAndRefusesATakenName() {
		String id = add("Acme Corp");
		add("Globex");

		UpdateOrganizationResponse updated = this.organizations
			.updateOrganization(UpdateOrganizationRequest.of(id, "Acme Inc"));

		assertThat(updated.changeDate()).isNotNull();
		assertThat(only(ListOrganizationsRequest.of(SearchQuery.id(id))).name()).isEqualTo("Acme Inc");
		assertThatExceptionOfType(ZitadelApiException.class)
			.isThrownBy(() -> this.organizations.updateOrganization(UpdateOrganizationRequest.of(id, "Globex")))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.ALREADY_EXISTS));
	}

	@Test
	void deactivatesAndActivatesAnOrganization() {
		String id = add("Acme Corp");

		this.organizations.deactivateOrganization(DeactivateOrganizationRequest.of(id));
		List<Organization> inactive = this.organizations
			.listOrganizations(ListOrganizationsRequest
				.of(SearchQuery.state(OrganizationState.ORGANIZATION_STATE_INACTIVE)))
			.result();
		this.organizations.activateOrganization(ActivateOrganizationRequest.of(id));

		assertThat(inactive).extracting(Organization::id).containsExactly(id);
		assertThat(only(ListOrganizationsRequest.of(SearchQuery.id(id))).state())
			.isEqualTo(OrganizationState.ORGANIZATION_STATE_ACTIVE);
		assertThatExceptionOfType(ZitadelApiException.class)
			.isThrownBy(() -> this.organizations.activateOrganization(ActivateOrganizationRequest.of(id)))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.FAILED_PRECONDITION));
	}

	@Test
	void metadataMakesTheRoundTripAsBase64() {
		String id = add("Acme Corp");

		this.organizations.setOrganizationMetadata(SetOrganizationMetadataRequest.of(id, "billing", "invoice"));
		String value = this.organizations
			.listOrganizationMetadata(ListOrganizationMetadataRequest.of(id, MetadataSearchFilter.key("billing")))
			.metadata()
			.get(0)
			.valueAsString();
		this.organizations.deleteOrganizationMetadata(DeleteOrganizationMetadataRequest.of(id, "billing"));

		assertThat(value).isEqualTo("invoice");
		assertThat(this.organizations.listAllOrganizationMetadata(ListOrganizationMetadataRequest.of(id))).isEmpty();
		assertThat(this.zitadel.apiCalls()).filteredOn((call) -> call.path().endsWith("/SetOrganizationMetadata"))
			.extracting(ApiCall::body)
			.containsExactly("{\"organizationId\":\"" + id
					+ "\",\"metadata\":[{\"key\":\"billing\",\"value\":\"aW52b2ljZQ==\"}]}");
	}

	@Test
	void deletesAnOrganizationWithItsUsers() {
		AddOrganizationResponse added = this.organizations.addOrganization(AddOrganizationRequest.of("Acme Corp")
			.withAdmins(Admin.human(AddHumanUserRequest.of(SetHumanProfile.of("Wile", "Coyote"),
					SetHumanEmail.verified("wile@acme.example")))));

		this.organizations.deleteOrganization(DeleteOrganizationRequest.of(added.organizationId()));

		assertThat(this.organizations
			.listOrganizations(ListOrganizationsRequest.of(SearchQuery.id(added.organizationId())))
			.result()).isEmpty();
		assertThat(this.users.listUsers(usersOf(added.organizationId())).result()).isEmpty();
		assertThatExceptionOfType(ZitadelApiException.class)
			.isThrownBy(() -> this.organizations
				.deactivateOrganization(DeactivateOrganizationRequest.of(added.organizationId())))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.NOT_FOUND);
				assertThat(ex.getRpc()).isEqualTo("zitadel.org.v2.OrganizationService/DeactivateOrganization");
			});
	}

	@Test
	void theDefaultOrganizationCannotBeDeleted() {
		assertThatExceptionOfType(ZitadelApiException.class)
			.isThrownBy(() -> this.organizations
				.deleteOrganization(DeleteOrganizationRequest.of(this.zitadel.organizationId())))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.FAILED_PRECONDITION));
	}

	@Test
	void addingAnOrganizationNeedsAnInstanceRole() {
		this.zitadel.withholdPermission("org.create");

		assertThatExceptionOfType(ZitadelApiException.class).isThrownBy(() -> add("Acme Corp"))
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.PERMISSION_DENIED))
			.withMessageContaining("'org.create'")
			.withMessageContaining("IAM_ORG_MANAGER");
	}

	@Test
	void actsInAnAddedOrganizationWhenAsked() {
		String id = add("Acme Corp");

		this.clients.inOrganization(id).users().listUsers(usersOf(id));

		assertThat(this.zitadel.apiCalls()).last().satisfies((call) -> {
			assertThat(call.organizationId()).isEqualTo(id);
			assertThat(call.status()).isEqualTo(200);
		});
	}

	private String add(String name) {
		return this.organizations.addOrganization(AddOrganizationRequest.of(name)).organizationId();
	}

	// The user service's SearchQuery, not this package's.
	private static ListUsersRequest usersOf(String organizationId) {
		return ListUsersRequest.of(io.github.zitadelstarter.api.user.SearchQuery.organizationId(organizationId));
	}

	private Organization only(ListOrganizationsRequest request) {
		List<Organization> result = this.organizations.listOrganizations(request).result();
		assertThat(result).hasSize(1);
		return result.get(0);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
