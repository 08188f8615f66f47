package io.github.zitadelstarter.test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * OpenID Connect's userinfo of {@link LocalZitadel}, as ZITADEL's: any active token of the
 * service user will do (an access token of either grant, with or without ZITADEL's audience,
 * or the personal access token), its scopes decide the claims, and a token that is missing,
 * unknown, expired or revoked gets OpenID Connect's {@code 401}, not the APIs' gRPC error.
 */
class LocalZitadelUserInfoTests {

	private static final String USERINFO = "/oidc/v1/userinfo";

	private static final String RESOURCE_OWNER = "urn:zitadel:iam:user:resourceowner";

	private static final Map<String, Object> INVALID = Map.of("error", "access_denied", "error_description",
			"access token invalid");

	private static LocalZitadel zitadel;

	private static Client client;

	@BeforeAll
	static void start() {
		zitadel = LocalZitadel.builder().organizationName("Userinfo Test").start();
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
	void anAccessTokenOfEitherGrantGetsItsUsersSubject() {
		String jwtBearer = client.token();
		HttpResponse<String> clientCredentials = client
			.clientCredentials(Client.basic(zitadel.clientId(), zitadel.clientSecret(), true), Client.SCOPE);
		assertThat(clientCredentials.statusCode()).as(clientCredentials.body()).isEqualTo(200);

		for (String token : new String[] { jwtBearer, (String) Client.json(clientCredentials).get("access_token") }) {
			HttpResponse<String> userInfo = client.get(USERINFO, token);
			assertThat(userInfo.statusCode()).isEqualTo(200);
			// Only 'openid' and ZITADEL's audience were asked for: no profile, no organization.
			assertThat(Client.json(userInfo)).isEqualTo(Map.of("sub", zitadel.userId()));
		}
	}

	@Test
	void thePersonalAccessTokenGetsTheProfileAndTheOrganizationItsScopesAskFor() {
		HttpResponse<String> userInfo = client.get(USERINFO, zitadel.personalAccessToken());

		assertThat(userInfo.statusCode()).isEqualTo(200);
		assertThat(Client.json(userInfo)).containsEntry("sub", zitadel.userId())
			.containsEntry("name", "Service user " + zitadel.userName())
			.containsEntry("preferred_username", zitadel.userName() + "@userinfo-test.localhost")
			.containsKey("updated_at")
			.containsEntry(RESOURCE_OWNER + ":id", zitadel.organizationId())
			.containsEntry(RESOURCE_OWNER + ":name", "Userinfo Test")
			.containsEntry(RESOURCE_OWNER + ":primary_domain", "userinfo-test.localhost")
			.doesNotContainKeys("given_name", "family_name");
	}

	@Test
	void aTokenWithoutZitadelsAudienceIsGoodForUserInfoButNotForTheApis() {
		HttpResponse<String> response = client.post("/oauth/v2/token", Client.form("grant_type", Client.JWT_BEARER,
				"scope", "openid profile", "assertion", client.assertion((claims) -> {
				})));
		String token = (String) Client.json(response).get("access_token");

		HttpResponse<String> userInfo = client.get(USERINFO, token);
		assertThat(userInfo.statusCode()).isEqualTo(200);
		assertThat(Client.json(userInfo)).containsEntry("sub", zitadel.userId())
			.containsEntry("preferred_username", zitadel.userName() + "@userinfo-test.localhost")
			.doesNotContainKey(RESOURCE_OWNER + ":id");
		assertThat(client.get("/auth/v1/users/me", token).statusCode()).isEqualTo(401);
	}

	@Test
	void postAndAnOrganizationHeaderAreAnsweredLikeGet() {
		HttpResponse<String> post = Client.send(client.request(USERINFO)
			.header("Authorization", "Bearer " + client.token())
			.POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(post.statusCode()).isEqualTo(200);
		assertThat(Client.json(post)).containsEntry("sub", zitadel.userId());
		// Userinfo is not one of ZITADEL's APIs: it does not act in an organization.
		HttpResponse<String> elsewhere = Client.send(client.request(USERINFO)
			.header("Authorization", "Bearer " + client.token())
			.header("x-zitadel-orgid", "123456789012345678"));
		assertThat(elsewhere.statusCode()).isEqualTo(200);
	}

	@Test
	void aMissingUnknownOrRevokedTokenIsRefusedTheOpenIdConnectWay() {
		HttpResponse<String> missing = Client.send(client.request(USERINFO));
		assertThat(missing.statusCode()).isEqualTo(401);
		assertThat(Client.json(missing)).isEqualTo(
				Map.of("error", "invalid_request", "error_description", "access token missing"));

		HttpResponse<String> unknown = client.get(USERINFO, "not-a-token");
		assertThat(unknown.statusCode()).isEqualTo(401);
		assertThat(Client.json(unknown)).isEqualTo(INVALID);

		String token = client.token();
		zitadel.revokeAccessTokens();
		HttpResponse<String> revoked = client.get(USERINFO, token);
		assertThat(revoked.statusCode()).isEqualTo(401);
		assertThat(Client.json(revoked)).isEqualTo(INVALID);
		assertThat(client.get(USERINFO, zitadel.personalAccessToken()).statusCode())
			.as("the personal access token survives the revocation of issued tokens")
			.isEqualTo(200);
	}

	@Test
	void rejectedCallsIncludeUserInfo() {
		String token = client.token();
		zitadel.rejectNextApiCalls(1);

		HttpResponse<String> rejected = client.get(USERINFO, token);
		assertThat(rejected.statusCode()).isEqualTo(401);
		assertThat(Client.json(rejected)).isEqualTo(INVALID);
		assertThat(client.get(USERINFO, token).statusCode()).isEqualTo(200);
		assertThat(zitadel.apiCalls()).extracting(ApiCall::path, ApiCall::status)
			.containsExactly(tuple(USERINFO, 401), tuple(USERINFO, 200));
	}

	@Test
	void anExpiredAccessTokenOrPersonalAccessTokenIsRefused() {
		MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
		try (LocalZitadel expiring = LocalZitadel.builder()
			.clock(clock)
			.accessTokenLifetime(Duration.ofSeconds(20))
			.keyExpiration(Instant.parse("2030-01-01T00:01:00Z"))
			.start()) {
			Client expiringClient = new Client(expiring);
			String token = (String) Client.json(expiringClient.requestToken(expiringClient.assertion(clock.instant(),
					(claims) -> {
					})))
				.get("access_token");
			assertThat(expiringClient.get(USERINFO, token).statusCode()).isEqualTo(200);
			clock.advance(Duration.ofSeconds(20));
			HttpResponse<String> expired = expiringClient.get(USERINFO, token);
			assertThat(expired.statusCode()).isEqualTo(401);
			assertThat(Client.json(expired)).isEqualTo(INVALID);

			assertThat(expiringClient.get(USERINFO, expiring.personalAccessToken()).statusCode()).isEqualTo(200);
			clock.advance(Duration.ofSeconds(40));
			HttpResponse<String> expiredPat = expiringClient.get(USERINFO, expiring.personalAccessToken());
			assertThat(expiredPat.statusCode()).isEqualTo(401);
			assertThat(Client.json(expiredPat)).isEqualTo(INVALID);
		}
	}

}
