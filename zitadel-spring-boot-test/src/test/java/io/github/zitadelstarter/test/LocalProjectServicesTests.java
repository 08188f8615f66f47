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
 * What the local project and authorization services refuse that a typed client never sends,
 * so that a client's bug shows: fields the proto does not define, a {@code oneof} with two
 * alternatives, a page larger than ZITADEL allows. And the shape of what they answer.
 */
class LocalProjectServicesTests {

	private static final String PROJECTS = "/zitadel.project.v2.ProjectService/";

	private static final String AUTHORIZATIONS = "/zitadel.authorization.v2.AuthorizationService/";

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
		HttpResponse<String> response = call(PROJECTS + "CreateProject",
				"{\"organizationId\":\"" + zitadel.organizationId() + "\",\"name\":\"Shop\",\"description\":\"x\"}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Client.json(response)).containsEntry("code", "invalid_argument")
			.extractingByKey("message")
			.isEqualTo("unmarshal message: field description is not in zitadel.project.v2.CreateProjectRequest");
	}

	@Test
	void aFilterWithTwoAlternativesAndAPageAboveTheMaximumAreRefused() {
		HttpResponse<String> twoAlternatives = call(AUTHORIZATIONS + "ListAuthorizations",
				"{\"filters\":[{\"projectId\":{\"id\":\"1\"},\"roleKey\":{\"key\":\"admin\"}}]}");
		HttpResponse<String> tooLarge = call(PROJECTS + "ListProjects", "{\"pagination\":{\"limit\":1001}}");

		assertThat(List.of(twoAlternatives, tooLarge)).allSatisfy((response) -> {
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(Client.json(response)).containsEntry("code", "invalid_argument");
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void aProjectIsAnsweredAsProto3JsonWritesIt() {
		String projectId = (String) Client.json(call(PROJECTS + "CreateProject", "{\"organizationId\":\""
				+ zitadel.organizationId() + "\",\"name\":\"Shop\",\"projectRoleAssertion\":true}"))
			.get("projectId");

		Map<String, Object> list = Client.json(call(PROJECTS + "ListProjects", "{\"pagination\":{\"offset\":\"0\"}}"));

		assertThat(list.get("pagination")).isEqualTo(Map.of("totalResult", "1", "appliedLimit", "100"));
		Map<String, Object> project = ((List<Map<String, Object>>) list.get("projects")).get(0);
		// 64-bit integers as strings, the defaults (false, the zero enum value) left out.
		assertThat(project).containsOnlyKeys("projectId", "organizationId", "creationDate", "changeDate", "name",
				"state", "projectRoleAssertion")
			.containsEntry("projectId", projectId)
			.containsEntry("state", "PROJECT_STATE_ACTIVE")
			.containsEntry("projectRoleAssertion", true);
	}

	@Test
	void everyCallIsRecordedWithItsAnswer() {
		call(PROJECTS + "GetProject", "{\"projectId\":\"1\"}");

		assertThat(zitadel.apiCalls()).singleElement().satisfies((call) -> {
			assertThat(call.status()).isEqualTo(404);
			assertThat(call.responseBody()).contains("\"not_found\"");
		});
	}

	private static HttpResponse<String> call(String path, String body) {
		return client.postJson(path, token, body);
	}

}
