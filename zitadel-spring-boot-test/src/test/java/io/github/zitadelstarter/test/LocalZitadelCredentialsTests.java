package io.github.zitadelstarter.test;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service user's other credentials: a client secret with the {@code client_credentials}
 * grant and HTTP Basic as RFC 6749 2.3.1 has it, and a personal access token.
 */
class LocalZitadelCredentialsTests {

	/** Every character that form-URL-encoding changes, and the colon that splits id from secret. */
	private static final String AWKWARD_SECRET = "s3cr+t:%/= &ü";

	private static LocalZitadel zitadel;

	private static Client client;

	@BeforeAll
	static void start() {
		zitadel = LocalZitadel.builder().serviceUserName("billing service").clientSecret(AWKWARD_SECRET).start();
		client = new Client(zitadel);
	}

	@AfterAll
	static void stop() {
		zitadel.close();
	}

	@Test
	void clientIdIsTheUserNameAndTheDefaultSecretIsRandom() {
		assertThat(zitadel.clientId()).isEqualTo("billing service");
		assertThat(zitadel.clientSecret()).isEqualTo(AWKWARD_SECRET);
		try (LocalZitadel other = LocalZitadel.start()) {
			assertThat(other.clientId()).isEqualTo("local-service-user");
			assertThat(other.clientSecret()).hasSizeGreaterThanOrEqualTo(40).matches("[A-Za-z0-9_-]+");
		}
	}

	@Test
	void clientCredentialsWithEachPartFormEncodedGetATokenForTheApis() {
		HttpResponse<String> response = client
			.clientCredentials(Client.basic(zitadel.clientId(), zitadel.clientSecret(), true), Client.SCOPE);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Map<String, Object> body = Client.json(response);
		assertThat(body).containsEntry("token_type", "Bearer").containsEntry("expires_in", 43199L);
		assertThat(client.get("/auth/v1/users/me", (String) body.get("access_token")).statusCode()).isEqualTo(200);
		TokenRequest request = zitadel.tokenRequests().get(zitadel.tokenRequests().size() - 1);
		assertThat(request.grantType()).isEqualTo("client_credentials");
		assertThat(request.clientId()).isEqualTo("billing service");
		assertThat(request.headers()).doesNotContainKey("authorization");
		assertThat(request.toString()).doesNotContain(AWKWARD_SECRET);
	}

	@Test
	void clientCredentialsNotFormEncodedBeforeBase64AreAnInvalidClient() {
		HttpResponse<String> response = client
			.clientCredentials(Client.basic(zitadel.clientId(), zitadel.clientSecret(), false), Client.SCOPE);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(Client.json(response)).isEqualTo(Map.of("error", "invalid_client"));
	}

	@Test
	void wrongOrMissingSecretIsAnInvalidClient() {
		for (String authorization : new String[] { Client.basic(zitadel.clientId(), "wrong", true),
				Client.basic("someone-else", zitadel.clientSecret(), true), "Basic not-base64!", "Bearer x", null }) {
			HttpResponse<String> response = client.clientCredentials(authorization, Client.SCOPE);
			assertThat(response.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
			assertThat(Client.json(response)).isEqualTo(Map.of("error", "invalid_client"));
		}
	}

	@Test
	void clientCredentialsWithoutScopeOrOpenidAreRefused() {
		String basic = Client.basic(zitadel.clientId(), zitadel.clientSecret(), true);
		HttpResponse<String> noScope = client.clientCredentials(basic, "");
		assertThat(noScope.statusCode()).isEqualTo(400);
		assertThat(Client.json(noScope)).containsEntry("error", "invalid_request");
		HttpResponse<String> noOpenid = client.clientCredentials(basic, "urn:zitadel:iam:org:project:id:zitadel:aud");
		assertThat(noOpenid.statusCode()).isEqualTo(400);
		assertThat(Client.json(noOpenid)).containsEntry("error", "invalid_scope");
	}

	@Test
	void clientCredentialsWithoutTheAudienceScopeGetATokenTheApisRefuse() {
		HttpResponse<String> response = client
			.clientCredentials(Client.basic(zitadel.clientId(), zitadel.clientSecret(), true), "openid");
		assertThat(response.statusCode()).isEqualTo(200);
		HttpResponse<String> me = client.get("/auth/v1/users/me", (String) Client.json(response).get("access_token"));
		assertThat(me.statusCode()).isEqualTo(401);
		assertThat(Client.json(me)).containsEntry("message", "invalid audience (APP-Zxfako)");
	}

	@Test
	void personalAccessTokenIsAcceptedByTheApisAndSurvivesRevocationOfIssuedTokens() {
		assertThat(zitadel.personalAccessToken()).hasSizeGreaterThanOrEqualTo(60);
		assertThat(client.get("/management/v1/orgs/me", zitadel.personalAccessToken()).statusCode()).isEqualTo(200);
		zitadel.revokeAccessTokens();
		assertThat(client.get("/management/v1/orgs/me", zitadel.personalAccessToken()).statusCode()).isEqualTo(200);
		assertThat(client.get("/management/v1/orgs/me", zitadel.personalAccessToken() + "x").statusCode())
			.isEqualTo(401);
	}

	@Test
	void personalAccessTokenExpiresWithTheKey() {
		MutableClock clock = new MutableClock(java.time.Instant.parse("2030-01-01T00:00:00Z"));
		try (LocalZitadel expiring = LocalZitadel.builder()
			.clock(clock)
			.keyExpiration(java.time.Instant.parse("2030-01-02T00:00:00Z"))
			.start()) {
			Client expiringClient = new Client(expiring);
			assertThat(expiringClient.get("/auth/v1/users/me", expiring.personalAccessToken()).statusCode())
				.isEqualTo(200);
			clock.advance(java.time.Duration.ofDays(1));
			HttpResponse<String> me = expiringClient.get("/auth/v1/users/me", expiring.personalAccessToken());
			assertThat(me.statusCode()).isEqualTo(401);
			assertThat(Client.json(me)).containsEntry("message", "Errors.Token.Invalid");
		}
	}

	@Test
	void propertiesPointTheStarterAtItWithEachCredential() {
		assertThat(zitadel.properties(ServiceUserCredential.KEY)).containsOnlyKeys("zitadel.issuer",
				"zitadel.service-user.key-json")
			.containsEntry("zitadel.issuer", zitadel.issuer())
			.containsEntry("zitadel.service-user.key-json", zitadel.keyJson());
		assertThat(zitadel.properties(ServiceUserCredential.CLIENT_SECRET)).containsOnly(
				Map.entry("zitadel.issuer", zitadel.issuer()),
				Map.entry("zitadel.service-user.client-id", zitadel.clientId()),
				Map.entry("zitadel.service-user.client-secret", zitadel.clientSecret()));
		assertThat(zitadel.properties(ServiceUserCredential.PERSONAL_ACCESS_TOKEN)).containsOnly(
				Map.entry("zitadel.issuer", zitadel.issuer()),
				Map.entry("zitadel.service-user.personal-access-token", zitadel.personalAccessToken()));
	}

}
