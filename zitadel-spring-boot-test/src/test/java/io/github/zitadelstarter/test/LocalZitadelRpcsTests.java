package io.github.zitadelstarter.test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every RPC of ZITADEL's descriptors as the local ZITADEL serves it: the request checked against
 * the input message, the answer the output message (or a Connect error), and a test's own answer.
 */
class LocalZitadelRpcsTests {

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
	void everyRpcIsServedAndAnsweredWithItsResponseMessageOrAConnectError() {
		List<String> answeredWithTheirMessage = new ArrayList<>();
		for (String rpc : ProtoContract.rpcs().keySet()) {
			HttpResponse<String> response = call(rpc, "{}");
			assertThat(response.statusCode()).as(rpc).isNotIn(404, 415, 500);
			if (response.statusCode() == 200) {
				answeredWithTheirMessage.add(rpc);
			}
		}

		assertThat(ProtoContract.rpcs()).hasSizeGreaterThanOrEqualTo(174);
		ProtoContract.assertConforms(zitadel.apiCalls());
		assertThat(answeredWithTheirMessage).contains("zitadel.action.v2.ActionService/ListTargets",
				"zitadel.webkey.v2.WebKeyService/CreateWebKey", "zitadel.idp.v2.IdentityProviderService/GetIDPByID",
				"zitadel.instance.v2.InstanceService/GetInstance", "zitadel.settings.v2.SettingsService/GetLoginSettings",
				"zitadel.session.v2.SessionService/CreateSession");
	}

	@Test
	@SuppressWarnings("unchecked")
	void anAnswerWithoutStateHasPlausibleIdsAndDates() {
		Map<String, Object> created = Client
			.json(call("zitadel.application.v2.ApplicationService/CreateApplication", "{\"projectId\":\"1\"}"));

		assertThat(created).containsKeys("applicationId", "creationDate");
		assertThat((String) created.get("applicationId")).matches("[0-9]+");
		Map<String, Object> deleted = Client.json(call("zitadel.idp.v2.IdentityProviderService/GetIDPByID", "{}"));
		assertThat(deleted).isNotNull();
	}

	@Test
	void aFieldTheInputMessageDoesNotDefineIsInvalidArgument() {
		HttpResponse<String> response = call("zitadel.session.v2.SessionService/ListSessions",
				"{\"query\":{\"limit\":10},\"userId\":\"1\"}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Client.json(response)).isEqualTo(Map.of("code", "invalid_argument", "message",
				"unmarshal message: field userId is not in zitadel.session.v2.ListSessionsRequest"));
	}

	@Test
	void aValueOfTheWrongTypeOrAnEnumValueThatDoesNotExistIsInvalidArgument() {
		HttpResponse<String> wrongType = call("zitadel.settings.v2.SettingsService/GetLoginSettings",
				"{\"ctx\":{\"orgId\":42}}");
		HttpResponse<String> badEnum = call("zitadel.session.v2.SessionService/ListSessions",
				"{\"sortingColumn\":\"SESSION_FIELD_NAME_COLOUR\"}");

		assertThat(wrongType.statusCode()).isEqualTo(400);
		assertThat(Client.json(wrongType)).containsEntry("code", "invalid_argument")
			.containsEntry("message", "unmarshal message: field ctx.orgId must be a JSON string "
					+ "(string in zitadel.object.v2.RequestContext), was the number 42");
		assertThat(badEnum.statusCode()).isEqualTo(400);
		assertThat((String) Client.json(badEnum).get("message"))
			.startsWith("unmarshal message: field sortingColumn is \"SESSION_FIELD_NAME_COLOUR\", which is not a value "
					+ "of zitadel.session.v2.SessionFieldName");
	}

	@Test
	void aTestSetsAnyRpcsAnswer() {
		zitadel.answer("zitadel.webkey.v2.WebKeyService/ListWebKeys",
				Answer.json(200, "{\"webKeys\":[{\"id\":\"k1\",\"state\":\"STATE_ACTIVE\"}]}"));
		zitadel.answer("zitadel.user.v2.UserService/GetUserByID",
				Answer.connectError("unavailable", "the database is down"));

		HttpResponse<String> keys = call("zitadel.webkey.v2.WebKeyService/ListWebKeys", "{}");
		HttpResponse<String> user = call("zitadel.user.v2.UserService/GetUserByID", "{\"userId\":\"1\"}");
		HttpResponse<String> badRequest = call("zitadel.user.v2.UserService/GetUserByID", "{\"id\":\"1\"}");

		assertThat(keys.statusCode()).isEqualTo(200);
		assertThat(keys.body()).isEqualTo("{\"webKeys\":[{\"id\":\"k1\",\"state\":\"STATE_ACTIVE\"}]}");
		assertThat(user.statusCode()).isEqualTo(503);
		assertThat(Client.json(user)).isEqualTo(Map.of("code", "unavailable", "message", "the database is down"));
		assertThat(badRequest.statusCode()).isEqualTo(400);
		zitadel.reset();
		assertThat(call("zitadel.webkey.v2.WebKeyService/ListWebKeys", "{}").body()).isEqualTo("{}");
	}

	@Test
	void anAnswerThatIsNotTheRpcsResponseMessageIsRefusedWhenSet() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> zitadel.answer("zitadel.session.v2.SessionService/GetSession",
					Answer.json(200, "{\"session\":{\"id\":\"1\",\"token\":\"t\"}}")))
			.withMessage("answer for zitadel.session.v2.SessionService/GetSession must be its response message "
					+ "zitadel.session.v2.GetSessionResponse in proto3 JSON: field session.token is not in "
					+ "zitadel.session.v2.Session");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> zitadel.answer("zitadel.session.v2.SessionService/GetSesion", Answer.json(200, "{}")))
			.withMessageContaining("rpc must be one of ZITADEL's RPCs");
	}

	private static HttpResponse<String> call(String rpc, String body) {
		return client.postJson("/" + rpc, token, body);
	}

}
