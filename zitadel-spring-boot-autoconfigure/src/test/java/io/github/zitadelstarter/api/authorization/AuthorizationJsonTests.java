package io.github.zitadelstarter.api.authorization;

import io.github.zitadelstarter.test.ProtoContract;
import io.github.zitadelstarter.api.ZitadelApiJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization service's messages in ZITADEL's JSON: its eleven-way search filter sends
 * exactly one alternative, and an authorization reads with its nested project, organization,
 * user and roles.
 */
class AuthorizationJsonTests {

	private final JsonMapper mapper = ZitadelApiJson.mapper();

	@Test
	void aSearchFilterSendsOneAlternative() {
		ListAuthorizationsRequest request = ListAuthorizationsRequest.of(AuthorizationsSearchFilter.inUserIds("7"),
				AuthorizationsSearchFilter.projectId("2"), AuthorizationsSearchFilter.roleKey("admin"),
				AuthorizationsSearchFilter.state(State.STATE_ACTIVE));

		assertThat(json(request)).isEqualTo("{\"filters\":[{\"inUserIds\":{\"ids\":[\"7\"]}},"
				+ "{\"projectId\":{\"id\":\"2\"}},"
				+ "{\"roleKey\":{\"key\":\"admin\"}},"
				+ "{\"state\":{\"state\":\"STATE_ACTIVE\"}}]}");
	}

	@Test
	void aNewAuthorizationListsItsRoleKeys() {
		assertThat(json(CreateAuthorizationRequest.of("7", "2", "1", "admin", "viewer")))
			.isEqualTo("{\"userId\":\"7\",\"projectId\":\"2\",\"organizationId\":\"1\","
					+ "\"roleKeys\":[\"admin\",\"viewer\"]}");
	}

	@Test
	void anAuthorizationReadsWithWhatItRefersTo() {
		Authorization authorization = this.mapper.readValue("""
				{"id":"9","creationDate":"2025-01-23T10:34:18.051Z",
				"project":{"id":"2","name":"Shop","organizationId":"1"},
				"organization":{"id":"1","name":"Acme"},"user":{"id":"7","preferredLoginName":"ada@acme.localhost",
				"displayName":"Ada Lovelace","organizationId":"1"},"state":"STATE_INACTIVE",
				"roles":[{"key":"admin","displayName":"Administrator"},{"key":"viewer"}]}""", Authorization.class);

		assertThat(authorization.project()).isEqualTo(new Project("2", "Shop", "1"));
		assertThat(authorization.user()).extracting(User::displayName).isEqualTo("Ada Lovelace");
		assertThat(authorization.state()).isEqualTo(State.STATE_INACTIVE);
		assertThat(authorization.roleKeys()).containsExactly("admin", "viewer");
		assertThat(authorization.roles().get(0).displayName()).isEqualTo("Administrator");
	}

	/** The request's JSON, which must be what ZITADEL's proto allows for the RPC. */
	private String json(Object request) {
		String json = this.mapper.writeValueAsString(request);
		String message = request.getClass().getSimpleName();
		ProtoContract.assertRequestConforms("zitadel.authorization.v2.AuthorizationService/"
				+ message.substring(0, message.length() - "Request".length()), json);
		return json;
	}

}
