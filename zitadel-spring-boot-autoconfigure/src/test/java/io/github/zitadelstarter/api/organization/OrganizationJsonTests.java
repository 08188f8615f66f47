package io.github.zitadelstarter.api.organization;

import io.github.zitadelstarter.test.ProtoContract;
import io.github.zitadelstarter.api.ZitadelApiJson;
import io.github.zitadelstarter.api.user.AddHumanUserRequest;
import io.github.zitadelstarter.api.user.SetHumanEmail;
import io.github.zitadelstarter.api.user.SetHumanProfile;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON of the organization service's trickier messages as the typed clients write and
 * read it with {@link ZitadelApiJson#mapper()}.
 */
class OrganizationJsonTests {

	private final JsonMapper mapper = ZitadelApiJson.mapper();

	@Test
	void anAdminIsAnExistingUserOrANewHuman() {
		AddOrganizationRequest request = AddOrganizationRequest.of("Acme")
			.withAdmins(Admin.user("42"), Admin.human(AddHumanUserRequest.of(SetHumanProfile.of("Wile", "Coyote"),
					SetHumanEmail.verified("wile@acme.example")), "ORG_OWNER", "ORG_USER_MANAGER"));

		String json = this.mapper.writeValueAsString(request);

		assertThat(json).isEqualTo("""
				{"name":"Acme","admins":[{"userId":"42"},{"human":{"profile":{"givenName":"Wile",\
				"familyName":"Coyote"},"email":{"email":"wile@acme.example","isVerified":true}},\
				"roles":["ORG_OWNER","ORG_USER_MANAGER"]}]}""");
		ProtoContract.assertRequestConforms("zitadel.org.v2.OrganizationService/AddOrganization", json);
	}

	@Test
	void anOrganizationReadsAnUnknownStateAsUnspecified() {
		ListOrganizationsResponse response = this.mapper.readValue("""
				{"details":{"totalResult":"1"},"result":[{"id":"7","state":"ORGANIZATION_STATE_ARCHIVED",\
				"name":"Acme","primaryDomain":"acme.localhost","details":{"sequence":"12",\
				"changeDate":"2025-01-23T10:34:18Z"}}]}""", ListOrganizationsResponse.class);

		assertThat(response.totalResult()).isEqualTo(1);
		assertThat(response.result()).singleElement().satisfies((organization) -> {
			assertThat(organization.state()).isEqualTo(OrganizationState.ORGANIZATION_STATE_UNSPECIFIED);
			assertThat(organization.details().sequence()).isEqualTo(12);
		});
	}

	@Test
	void queriesAreOneofs() {
		ListOrganizationsRequest request = ListOrganizationsRequest.of(SearchQuery.defaultOrganization(),
				SearchQuery.state(OrganizationState.ORGANIZATION_STATE_ACTIVE));

		String json = this.mapper.writeValueAsString(request);

		assertThat(json).isEqualTo("""
				{"queries":[{"defaultQuery":{}},{"stateQuery":{"state":"ORGANIZATION_STATE_ACTIVE"}}]}""");
		ProtoContract.assertRequestConforms("zitadel.org.v2.OrganizationService/ListOrganizations", json);
	}

}
