package io.github.zitadelstarter.test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.util.JSONObjectUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The APIs of {@link LocalZitadel}: they answer only to a valid bearer token with ZITADEL's
 * audience, in the service user's own organization, with ZITADEL's shapes.
 */
class LocalZitadelApiTests {

	private static LocalZitadel zitadel;

	private static Client client;

	@BeforeAll
	static void start() {
		zitadel = LocalZitadel.start();
		client = new Client(zitadel);
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
	@SuppressWarnings("unchecked")
	void meIsTheServiceUser() throws Exception {
		HttpResponse<String> me = client.get("/auth/v1/users/me", client.token());
		assertThat(me.statusCode()).isEqualTo(200);
		Map<String, Object> user = (Map<String, Object>) Client.json(me).get("user");
		assertThat(user).containsEntry("id", zitadel.userId())
			.containsEntry("userName", zitadel.userName())
			.containsEntry("state", "USER_STATE_ACTIVE")
			.containsKey("machine");
		assertThat(JSONObjectUtils.getJSONObject(Client.json(me), "details"))
			.containsEntry("resourceOwner", zitadel.organizationId());
	}

	@Test
	void tokenWithoutZitadelAudienceScopeIsRefusedByTheApis() {
		HttpResponse<String> response = client.post("/oauth/v2/token", Client.form("grant_type", Client.JWT_BEARER,
				"scope", "openid profile", "assertion", client.assertion((claims) -> {
				})));
		assertThat(response.statusCode()).isEqualTo(200);
		HttpResponse<String> me = client.get("/auth/v1/users/me", (String) Client.json(response).get("access_token"));
		assertThat(me.statusCode()).isEqualTo(401);
		assertThat(Client.json(me)).containsEntry("code", 16L).containsEntry("message", "invalid audience (APP-Zxfako)");
	}

	@Test
	void missingOrUnknownBearerTokenIsRefusedByTheApis() {
		String token = client.token();
		for (HttpRequest.Builder request : List.of(client.request("/management/v1/orgs/me"),
				client.request("/management/v1/orgs/me").header("Authorization", "Bearer unknown-token"),
				client.request("/management/v1/orgs/me").header("Authorization", "bearer " + token),
				client.request("/management/v1/orgs/me").header("Authorization", "Basic " + token))) {
			HttpResponse<String> response = Client.send(request);
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(Client.json(response)).isEqualTo(Map.of("code", 16L, "message", "Errors.Token.Invalid"));
		}
	}

	@Test
	void expiredTokenIsRefusedByTheApis() {
		MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
		try (LocalZitadel shortLived = LocalZitadel.builder().clock(clock).accessTokenLifetime(Duration.ofSeconds(20)).start()) {
			Client shortLivedClient = new Client(shortLived);
			HttpResponse<String> response = shortLivedClient
				.requestToken(shortLivedClient.assertion(clock.instant(), (claims) -> {
				}));
			assertThat(Client.json(response)).containsEntry("expires_in", 20L);
			String token = (String) Client.json(response).get("access_token");
			clock.advance(Duration.ofSeconds(19));
			assertThat(shortLivedClient.get("/auth/v1/users/me", token).statusCode()).isEqualTo(200);
			clock.advance(Duration.ofSeconds(1));
			assertThat(shortLivedClient.get("/auth/v1/users/me", token).statusCode()).isEqualTo(401);
		}
	}

	@Test
	void userSearchListsTheServiceUserAndTwoHumansAndAddedUsers() {
		String token = client.token();
		HttpResponse<String> response = client.postJson("/management/v1/users/_search", token, "{}");
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> body = Client.json(response);
		assertThat(body).extractingByKey("details").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("totalResult", "3");
		List<Map<String, Object>> users = users(body);
		assertThat(users.get(0)).containsEntry("id", zitadel.userId()).containsKey("machine");
		assertThat(users.subList(1, 3)).allSatisfy((user) -> assertThat(user).containsKey("human"));
		String grace = zitadel.addHumanUser("grace.hopper", "Grace", "Hopper");
		assertThat(users(Client.json(client.postJson("/management/v1/users/_search", token, "{}")))).hasSize(4)
			.anySatisfy((user) -> assertThat(user).containsEntry("id", grace));
	}

	@Test
	@SuppressWarnings("unchecked")
	void v2UsersAreFoundByIdAndListed() {
		String token = client.token();
		String grace = zitadel.addHumanUser("grace.hopper", "Grace", "Hopper");
		HttpResponse<String> found = client.get("/v2/users/" + grace, token);
		assertThat(found.statusCode()).isEqualTo(200);
		Map<String, Object> user = (Map<String, Object>) Client.json(found).get("user");
		assertThat(user).containsEntry("userId", grace).containsEntry("username", "grace.hopper");
		assertThat((Map<String, Object>) ((Map<String, Object>) user.get("human")).get("profile"))
			.containsEntry("givenName", "Grace")
			.containsEntry("familyName", "Hopper")
			.containsEntry("displayName", "Grace Hopper");
		HttpResponse<String> missing = client.get("/v2/users/100000000000000000", token);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(Client.json(missing)).containsEntry("code", 5L);
		HttpResponse<String> list = client.postJson("/v2/users", token, "{}");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(users(Client.json(list))).hasSize(4).first().satisfies((first) -> assertThat(first)
			.containsEntry("userId", zitadel.userId()));
		zitadel.reset();
		assertThat(client.get("/v2/users/" + grace, token).statusCode()).isEqualTo(404);
	}

	@Test
	@SuppressWarnings("unchecked")
	void ownOrganizationIsReadWithOrWithoutItsIdButAnotherIsForbidden() {
		String token = client.token();
		for (String path : List.of("/management/v1/orgs/me", "/admin/v1/orgs/default")) {
			for (HttpRequest.Builder request : List.of(client.request(path),
					client.request(path).header("x-zitadel-orgid", zitadel.organizationId()))) {
				HttpResponse<String> response = Client.send(request.header("Authorization", "Bearer " + token));
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat((Map<String, Object>) Client.json(response).get("org"))
					.containsEntry("id", zitadel.organizationId())
					.containsEntry("name", zitadel.organizationName())
					.containsEntry("state", "ORG_STATE_ACTIVE");
			}
		}
		HttpResponse<String> other = Client.send(client.request("/management/v1/orgs/me")
			.header("Authorization", "Bearer " + token)
			.header("x-zitadel-orgid", "100000000000000000"));
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(Client.json(other)).containsEntry("code", 7L);
	}

	@Test
	void discoveryAndHealthNeedNoToken() {
		HttpResponse<String> discovery = Client.send(client.request("/.well-known/openid-configuration"));
		assertThat(discovery.statusCode()).isEqualTo(200);
		assertThat(Client.json(discovery)).containsEntry("issuer", zitadel.issuer())
			.containsEntry("token_endpoint", zitadel.tokenEndpoint());
		for (String path : List.of("/debug/healthz", "/debug/ready")) {
			HttpResponse<String> health = Client.send(client.request(path));
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(health.body()).isEqualTo("ok");
		}
	}

	@Test
	void listensOnLoopbackAndAnswersUnknownPathsLikeGrpcGateway() {
		assertThat(URI.create(zitadel.issuer()).getHost()).isEqualTo("127.0.0.1");
		assertThat(zitadel.issuer()).doesNotEndWith("/").isEqualTo("http://127.0.0.1:" + zitadel.port());
		HttpResponse<String> unknown = Client.send(client.request("/management/v1/nothing"));
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(Client.json(unknown)).containsEntry("code", 5L);
		try (LocalZitadel localhost = LocalZitadel.builder().issuerHost("localhost").start()) {
			assertThat(localhost.issuer()).isEqualTo("http://localhost:" + localhost.port());
		}
	}

	@Test
	void everyAnswerCarriesTheDateToTheSecond() {
		List<HttpResponse<String>> answers = List.of(client.requestToken(client.assertion((claims) -> {
		})), client.requestToken("not-a-jwt"), client.post("/oauth/v2/token", ""),
				Client.send(client.request("/auth/v1/users/me")),
				Client.send(client.request("/.well-known/openid-configuration")),
				Client.send(client.request("/nothing")));
		Instant now = Instant.now();
		assertThat(answers).allSatisfy((answer) -> assertThat(answer.headers().firstValue("Date"))
			.hasValueSatisfying((date) -> assertThat(
					ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
				.isBetween(now.minusSeconds(5), now)));
	}

	@Test
	void addedAnswersNeedATokenLikeEveryApiAndTakePrecedence() {
		String token = client.token();
		zitadel.answer("POST", "/v2/users/human", Answer.json(201, "{\"userId\":\"42\"}"));
		zitadel.answer("GET", "/v2/users/{userId}/metadata",
				(call) -> Answer.json(200, "{\"path\":\"" + call.path() + "\"}"));
		zitadel.answer("GET", "/auth/v1/users/me", Answer.apiError(503, 14, "unavailable"));
		assertThat(Client.send(client.request("/v2/users/human").POST(HttpRequest.BodyPublishers.ofString("{}")))
			.statusCode()).isEqualTo(401);
		HttpResponse<String> created = client.postJson("/v2/users/human", token, "{\"username\":\"x\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.body()).isEqualTo("{\"userId\":\"42\"}");
		assertThat(client.get("/v2/users/7/metadata", token).body()).isEqualTo("{\"path\":\"/v2/users/7/metadata\"}");
		assertThat(client.get("/auth/v1/users/me", token).statusCode()).isEqualTo(503);
		assertThat(zitadel.apiCalls()).filteredOn((call) -> call.path().equals("/v2/users/human"))
			.extracting(ApiCall::status, ApiCall::body)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(401, "{}"),
					org.assertj.core.groups.Tuple.tuple(201, "{\"username\":\"x\"}"));
		zitadel.reset();
		assertThat(client.get("/auth/v1/users/me", token).statusCode()).isEqualTo(200);
		assertThat(client.postJson("/v2/users/human", token, "{}").statusCode()).isEqualTo(404);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> users(Map<String, Object> body) {
		return (List<Map<String, Object>>) body.get("result");
	}

}
