package io.github.zitadelstarter.test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local user and organization services as a client that writes its JSON by hand meets
 * them: Connect errors for what ZITADEL refuses, a field the proto does not define named, and
 * the same users in the v2 RPCs and the REST routes.
 */
class LocalUserServiceTests {

	private static final String USERS = "/zitadel.user.v2.UserService/";

	private static LocalZitadel zitadel;

	private static Client client;

	private static String token;

	@BeforeAll
	static void start() {
		zitadel = LocalZitadel.start();
		client = new Client(zitadel);
		token = client.token();
	}

	@AfterAll
	static void stop() {
		zitadel.close();
	}

	@AfterEach
	void reset() {
		zitadel.reset();
	}

	@Test
	void aFieldTheProtoDoesNotDefineIsRefusedByName() {
		HttpResponse<String> response = rpc("CreateUser", """
				{"organizationId":"%s","machine":{"name":"Importer","accessTokenType":"ACCESS_TOKEN_TYPE_JWT",\
				"expiry":"1h"}}""".formatted(zitadel.organizationId()));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Client.json(response)).containsEntry("code", "invalid_argument")
			.containsEntry("message",
					"unmarshal message: field machine.expiry is not in zitadel.user.v2.CreateUserRequest.Machine");
	}

	@Test
	void aMissingRequiredFieldIsRefused() {
		HttpResponse<String> response = rpc("CreateUser", """
				{"organizationId":"%s","human":{"profile":{"givenName":"Ada"},"email":{"email":"ada@example.com"}}}"""
			.formatted(zitadel.organizationId()));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Client.json(response)).containsEntry("code", "invalid_argument")
			.containsEntry("message", "invalid SetHumanProfile.FamilyName: value length must be at least 1 runes");
	}

	@Test
	void anUnknownUserIsNotFound() {
		HttpResponse<String> response = rpc("GetUserByID", "{\"userId\":\"100000000000000000\"}");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(Client.json(response)).isEqualTo(
				Map.of("code", "not_found", "message", "User could not be found (QUERY-Dfbg2)"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void answersLeaveOutProtosDefaultValues() {
		String id = (String) Client.json(rpc("CreateUser",
				"{\"organizationId\":\"%s\",\"machine\":{\"name\":\"Importer\"}}".formatted(zitadel.organizationId())))
			.get("id");

		Map<String, Object> user = (Map<String, Object>) Client.json(rpc("GetUserByID", "{\"userId\":\"" + id + "\"}"))
			.get("user");

		// No "description", "hasSecret":false or "accessTokenType":"ACCESS_TOKEN_TYPE_BEARER".
		assertThat(user.get("machine")).isEqualTo(Map.of("name", "Importer"));
		assertThat(user).containsEntry("username", id).containsEntry("state", "USER_STATE_ACTIVE");
	}

	@Test
	@SuppressWarnings("unchecked")
	void usersOfTheRpcsAreUsersOfTheRestRoutesToo() {
		String id = (String) Client.json(rpc("CreateUser", """
				{"organizationId":"%s","username":"grace","human":{"profile":{"givenName":"Grace",\
				"familyName":"Hopper"},"email":{"email":"grace@example.com","isVerified":true}}}"""
			.formatted(zitadel.organizationId()))).get("id");

		HttpResponse<String> rest = client.get("/v2/users/" + id, token);
		List<Map<String, Object>> listed = (List<Map<String, Object>>) Client.json(rpc("ListUsers", "{}")).get("result");
		HttpResponse<String> deleted = rpc("DeleteUser", "{\"userId\":\"" + id + "\"}");

		assertThat(rest.statusCode()).isEqualTo(200);
		assertThat((Map<String, Object>) Client.json(rest).get("user")).containsEntry("username", "grace");
		assertThat(listed).extracting((user) -> user.get("userId"))
			.containsExactly(zitadel.userId(), listed.get(1).get("userId"), listed.get(2).get("userId"), id);
		assertThat(deleted.statusCode()).isEqualTo(200);
		assertThat(client.get("/v2/users/" + id, token).statusCode()).isEqualTo(404);
	}

	@Test
	void resetForgetsWhatTheRpcsCreated() {
		String id = (String) Client.json(rpc("CreateUser",
				"{\"organizationId\":\"%s\",\"machine\":{\"name\":\"Importer\"}}".formatted(zitadel.organizationId())))
			.get("id");
		HttpResponse<String> organization = client.postJson("/zitadel.org.v2.OrganizationService/AddOrganization", token,
				"{\"name\":\"Acme\"}");
		rpc("DeactivateUser", "{\"userId\":\"" + zitadel.userId() + "\"}");

		zitadel.reset();

		assertThat(organization.statusCode()).isEqualTo(200);
		assertThat(rpc("GetUserByID", "{\"userId\":\"" + id + "\"}").statusCode()).isEqualTo(404);
		assertThat(rpc("GetUserByID", "{\"userId\":\"" + zitadel.userId() + "\"}").body())
			.contains("\"state\":\"USER_STATE_ACTIVE\"");
		assertThat(client.postJson("/zitadel.org.v2.OrganizationService/ListOrganizations", token, "{}").body())
			.doesNotContain("Acme");
	}

	private static HttpResponse<String> rpc(String method, String body) {
		return client.postJson(USERS + method, token, body);
	}

}
