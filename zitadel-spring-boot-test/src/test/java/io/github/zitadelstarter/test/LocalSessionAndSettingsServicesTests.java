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
 * The local session and settings services as a login UI meets them: a session that checks a
 * user and the password set for it, found again by id and by user, updated and deleted; and the
 * settings of a fresh instance.
 */
class LocalSessionAndSettingsServicesTests {

	private static final String SESSIONS = "/zitadel.session.v2.SessionService/";

	private static final String SETTINGS = "/zitadel.settings.v2.SettingsService/";

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
		ProtoContract.assertConforms(zitadel.apiCalls());
		zitadel.reset();
	}

	@Test
	@SuppressWarnings("unchecked")
	void aSessionChecksTheUserAndItsPasswordAndIsFoundGetAndListedUntilDeleted() {
		String userId = createUserWithPassword("minnie", "Secret-42!");

		Map<String, Object> created = Client.json(call(SESSIONS + "CreateSession", """
				{"checks":{"user":{"loginName":"minnie"},"password":{"password":"Secret-42!"}},
				 "metadata":{"login":"dWk="},"userAgent":{"fingerprintId":"browser-1"},"lifetime":"3600s"}"""));
		String sessionId = (String) created.get("sessionId");
		Map<String, Object> session = (Map<String, Object>) Client
			.json(call(SESSIONS + "GetSession", "{\"sessionId\":\"" + sessionId + "\"}"))
			.get("session");

		assertThat(created.get("sessionToken")).asString().hasSizeGreaterThan(20);
		assertThat(created).containsKey("details");
		assertThat(session).containsEntry("id", sessionId)
			.containsKeys("creationDate", "changeDate", "expirationDate")
			.containsEntry("metadata", Map.of("login", "dWk="))
			.containsEntry("userAgent", Map.of("fingerprintId", "browser-1"));
		Map<String, Object> factors = (Map<String, Object>) session.get("factors");
		assertThat((Map<String, Object>) factors.get("user")).containsEntry("id", userId)
			.containsEntry("organizationId", zitadel.organizationId())
			.containsEntry("displayName", "Minnie Mouse")
			.containsKey("verifiedAt")
			.extractingByKey("loginName")
			.asString()
			.startsWith("minnie@");
		assertThat((Map<String, Object>) factors.get("password")).containsKey("verifiedAt");

		call(SESSIONS + "CreateSession", "{\"checks\":{\"user\":{\"userId\":\"" + zitadel.userId() + "\"}}}");
		assertThat(sessionIds("{\"queries\":[{\"userIdQuery\":{\"id\":\"" + userId + "\"}}]}")).containsExactly(sessionId);
		assertThat(sessionIds("{\"queries\":[{\"idsQuery\":{\"ids\":[\"" + sessionId + "\"]}}]}"))
			.containsExactly(sessionId);
		assertThat(sessionIds("{}")).hasSize(2);

		Map<String, Object> set = Client.json(call(SESSIONS + "SetSession",
				"{\"sessionId\":\"" + sessionId + "\",\"metadata\":{\"login\":\"\"}}"));
		assertThat(set.get("sessionToken")).isNotEqualTo(created.get("sessionToken"));
		HttpResponse<String> oldToken = call(SESSIONS + "GetSession",
				"{\"sessionId\":\"" + sessionId + "\",\"sessionToken\":\"" + created.get("sessionToken") + "\"}");
		assertThat(oldToken.statusCode()).isEqualTo(403);

		assertThat(call(SESSIONS + "DeleteSession", "{\"sessionId\":\"" + sessionId + "\"}").statusCode())
			.isEqualTo(200);
		HttpResponse<String> deleted = call(SESSIONS + "GetSession", "{\"sessionId\":\"" + sessionId + "\"}");
		assertThat(deleted.statusCode()).isEqualTo(404);
		assertThat(Client.json(deleted)).containsEntry("code", "not_found");
	}

	@Test
	void aWrongPasswordOrAnUnknownUserIsRefused() {
		createUserWithPassword("minnie", "Secret-42!");

		HttpResponse<String> wrongPassword = call(SESSIONS + "CreateSession",
				"{\"checks\":{\"user\":{\"loginName\":\"minnie\"},\"password\":{\"password\":\"secret\"}}}");
		HttpResponse<String> unknownUser = call(SESSIONS + "CreateSession",
				"{\"checks\":{\"user\":{\"loginName\":\"mickey\"}}}");
		HttpResponse<String> noUser = call(SESSIONS + "CreateSession",
				"{\"checks\":{\"password\":{\"password\":\"Secret-42!\"}}}");
		HttpResponse<String> passkey = call(SESSIONS + "CreateSession",
				"{\"checks\":{\"user\":{\"loginName\":\"minnie\"}},\"challenges\":{\"webAuthN\":{\"domain\":\"x\"}}}");

		assertThat(wrongPassword.statusCode()).isEqualTo(400);
		assertThat(Client.json(wrongPassword)).containsEntry("message", "Password is invalid (COMMAND-3M0fs)");
		assertThat(unknownUser.statusCode()).isEqualTo(404);
		assertThat(noUser.statusCode()).isEqualTo(400);
		assertThat(Client.json(noUser)).containsEntry("code", "failed_precondition");
		assertThat(passkey.statusCode()).isEqualTo(501);
		assertThat(sessionIds("{}")).isEmpty();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theSettingsAreThoseOfAFreshInstance() {
		Map<String, Object> login = (Map<String, Object>) Client
			.json(call(SETTINGS + "GetLoginSettings", "{\"ctx\":{\"orgId\":\"" + zitadel.organizationId() + "\"}}"))
			.get("settings");
		Map<String, Object> password = (Map<String, Object>) Client
			.json(call(SETTINGS + "GetPasswordComplexitySettings", "{}"))
			.get("settings");

		assertThat(login).containsEntry("allowUsernamePassword", true)
			.containsEntry("allowRegister", true)
			.containsEntry("passkeysType", "PASSKEYS_TYPE_ALLOWED")
			.containsEntry("passwordCheckLifetime", "864000s")
			.containsEntry("secondFactors", List.of("SECOND_FACTOR_TYPE_OTP", "SECOND_FACTOR_TYPE_U2F"))
			.doesNotContainKey("forceMfa");
		assertThat(password).isEqualTo(Map.of("minLength", "8", "requiresUppercase", true, "requiresLowercase", true,
				"requiresNumber", true, "requiresSymbol", true, "resourceOwnerType", "RESOURCE_OWNER_TYPE_INSTANCE"));
	}

	private static String createUserWithPassword(String username, String password) {
		return (String) Client.json(call("/zitadel.user.v2.UserService/CreateUser", """
				{"organizationId":"%s","username":"%s","human":{"profile":{"givenName":"Minnie","familyName":"Mouse"},
				 "email":{"email":"minnie@example.com"},"password":{"password":"%s"}}}"""
			.formatted(zitadel.organizationId(), username, password))).get("id");
	}

	@SuppressWarnings("unchecked")
	private static List<String> sessionIds(String query) {
		List<Map<String, Object>> sessions = (List<Map<String, Object>>) Client
			.json(call(SESSIONS + "ListSessions", query))
			.getOrDefault("sessions", List.of());
		return sessions.stream().map((session) -> (String) session.get("id")).toList();
	}

	private static HttpResponse<String> call(String path, String body) {
		return client.postJson(path, token, body);
	}

}
