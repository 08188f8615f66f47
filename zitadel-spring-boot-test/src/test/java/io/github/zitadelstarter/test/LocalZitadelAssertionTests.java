package io.github.zitadelstarter.test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JWT bearer grant: {@link LocalZitadel} holds assertions to ZITADEL's rules as
 * strictly as ZITADEL, and refuses each malformed one as ZITADEL does, with
 * {@code 500 Errors.Internal}. Assertions are signed with the key read back from its key
 * JSON, so the tests also prove that key usable.
 */
class LocalZitadelAssertionTests {

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

	@Test
	void keyJsonHasZitadelsFormatWithAPkcs1Key(@TempDir Path directory) throws Exception {
		Map<String, Object> keyFile = JSONObjectUtils.parse(zitadel.keyJson());
		assertThat(keyFile).containsOnlyKeys("type", "keyId", "key", "userId", "expirationDate")
			.containsEntry("type", "serviceaccount")
			.containsEntry("keyId", zitadel.keyId())
			.containsEntry("userId", zitadel.userId());
		assertThat(zitadel.keyId()).matches("\\d{18}");
		assertThat(zitadel.userId()).matches("\\d{18}").isNotEqualTo(zitadel.keyId());
		assertThat(zitadel.organizationId()).matches("\\d{18}");
		assertThat((String) keyFile.get("key")).startsWith("-----BEGIN RSA PRIVATE KEY-----\n")
			.endsWith("\n-----END RSA PRIVATE KEY-----\n");
		assertThat(Instant.parse((String) keyFile.get("expirationDate")))
			.isBetween(Instant.now().plus(Duration.ofDays(364)), Instant.now().plus(Duration.ofDays(366)))
			.isEqualTo(zitadel.keyExpiration());
		Path file = zitadel.writeKeyFile(directory);
		assertThat(file).hasFileName(zitadel.keyId() + ".json");
		assertThat(Files.readString(file)).isEqualTo(zitadel.keyJson());
	}

	@Test
	void validAssertionGetsAnOpaqueBearerTokenOfTwelveHours() {
		HttpResponse<String> response = client.requestToken(client.assertion((claims) -> {
		}));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		Map<String, Object> body = Client.json(response);
		assertThat(body).containsOnlyKeys("access_token", "token_type", "expires_in")
			.containsEntry("token_type", "Bearer")
			.containsEntry("expires_in", 43199L);
		assertThat((String) body.get("access_token")).hasSizeGreaterThanOrEqualTo(40).doesNotContain(".");
	}

	@Test
	void ps256AndAnAudienceArrayAreAcceptedLikeZitadel() {
		String assertion = client.sign(new JWSHeader.Builder(JWSAlgorithm.PS256).keyID(zitadel.keyId()).build(),
				client.claims(Instant.now(),
						(claims) -> claims.audience(List.of("https://elsewhere.example", zitadel.issuer())))
					.build());
		assertThat(client.requestToken(assertion).statusCode()).isEqualTo(200);
	}

	@Test
	void assertionSignedWithAnotherKeyIsRefusedLikeZitadel() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		SignedJWT jwt = new SignedJWT(client.header(), client.claims(Instant.now(), (claims) -> {
		}).build());
		jwt.sign(new RSASSASigner(generator.generateKeyPair().getPrivate()));
		client.assertRefusedLikeZitadel(jwt.serialize());
		assertThat(lastRefusal()).contains("signature does not verify");
	}

	@Test
	void assertionWithAnotherKeyIdIsRefusedLikeZitadel() {
		client.assertRefusedLikeZitadel(
				client.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("100000000000000000").build(),
						client.claims(Instant.now(), (claims) -> {
						}).build()));
		assertThat(lastRefusal()).contains("kid '100000000000000000'");
		client.assertRefusedLikeZitadel(client.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).build(),
				client.claims(Instant.now(), (claims) -> {
				}).build()));
	}

	@Test
	void issuerDifferentFromSubjectOrAnotherUserIsRefusedLikeZitadel() {
		client.assertRefusedLikeZitadel(client.assertion((claims) -> claims.issuer("100000000000000000")));
		assertThat(lastRefusal()).contains("differs from its sub");
		client.assertRefusedLikeZitadel(
				client.assertion((claims) -> claims.issuer("100000000000000000").subject("100000000000000000")));
		assertThat(lastRefusal()).contains("is not the service user's id");
	}

	@Test
	void audienceOtherThanTheIssuerExactlyIsRefusedLikeZitadel() {
		String issuer = zitadel.issuer();
		for (String audience : List.of(issuer + "/", issuer + "/oauth/v2/token", issuer.replace("127.0.0.1", "localhost"),
				issuer.replace("http:", "HTTP:"), "https://" + issuer.substring("http://".length()))) {
			client.assertRefusedLikeZitadel(client.assertion((claims) -> claims.audience(audience)));
			assertThat(lastRefusal()).contains("does not contain the issuer exactly");
		}
		client.assertRefusedLikeZitadel(client.assertion((claims) -> claims.audience((String) null)));
	}

	@Test
	void issuedAtMoreThanOneSecondAheadIsRefusedLikeZitadel() {
		Instant now = Instant.parse("2030-01-01T00:00:00Z");
		try (LocalZitadel fixed = LocalZitadel.builder().clock(new MutableClock(now)).start()) {
			Client fixedClient = new Client(fixed);
			assertThat(fixedClient.requestToken(fixedClient.assertion(now,
					(claims) -> claims.issueTime(Date.from(now.plusSeconds(1))))).statusCode())
				.isEqualTo(200);
			fixedClient.assertRefusedLikeZitadel(
					fixedClient.assertion(now, (claims) -> claims.issueTime(Date.from(now.plusSeconds(2)))));
			assertThat(fixed.tokenRequests().get(1).refusal()).contains("is more than 1 s after now")
				.contains("clock runs ahead");
		}
	}

	@Test
	void issuedAtMoreThanAnHourAgoIsRefusedLikeZitadel() {
		Instant now = Instant.parse("2030-01-01T00:00:00Z");
		try (LocalZitadel fixed = LocalZitadel.builder().clock(new MutableClock(now)).start()) {
			Client fixedClient = new Client(fixed);
			assertThat(fixedClient.requestToken(fixedClient.assertion(now,
					(claims) -> claims.issueTime(Date.from(now.minusSeconds(3600))))).statusCode())
				.isEqualTo(200);
			fixedClient.assertRefusedLikeZitadel(
					fixedClient.assertion(now, (claims) -> claims.issueTime(Date.from(now.minusSeconds(3601)))));
			assertThat(fixed.tokenRequests().get(1).refusal()).contains("more than 1 hour before now");
		}
	}

	@Test
	void expirationNotMoreThanOneSecondAheadIsRefusedLikeZitadel() {
		Instant now = Instant.parse("2030-01-01T00:00:00Z");
		try (LocalZitadel fixed = LocalZitadel.builder().clock(new MutableClock(now)).start()) {
			Client fixedClient = new Client(fixed);
			assertThat(fixedClient.requestToken(fixedClient.assertion(now,
					(claims) -> claims.expirationTime(Date.from(now.plusSeconds(2))))).statusCode())
				.isEqualTo(200);
			fixedClient.assertRefusedLikeZitadel(
					fixedClient.assertion(now, (claims) -> claims.expirationTime(Date.from(now.plusSeconds(1)))));
			fixedClient.assertRefusedLikeZitadel(fixedClient.assertion(now, (claims) -> claims
				.issueTime(Date.from(now.minusSeconds(120)))
				.expirationTime(Date.from(now.minusSeconds(60)))));
			assertThat(fixed.tokenRequests().get(2).refusal()).contains("its exp");
		}
	}

	@Test
	void missingIssuedAtOrExpirationIsRefusedLikeZitadel() {
		client.assertRefusedLikeZitadel(client.assertion((claims) -> claims.issueTime(null)));
		assertThat(lastRefusal()).isEqualTo("it has no iat");
		client.assertRefusedLikeZitadel(client.assertion((claims) -> claims.expirationTime(null)));
		assertThat(lastRefusal()).isEqualTo("it has no exp");
	}

	@Test
	void assertionWithoutRsaSignatureOrNotAJwtIsRefusedLikeZitadel() throws Exception {
		SignedJWT hs256 = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(zitadel.keyId()).build(),
				client.claims(Instant.now(), (claims) -> {
				}).build());
		hs256.sign(new MACSigner(new byte[32]));
		client.assertRefusedLikeZitadel(hs256.serialize());
		assertThat(lastRefusal()).contains("alg is HS256");
		client.assertRefusedLikeZitadel(new PlainJWT(client.claims(Instant.now(), (claims) -> {
		}).build()).serialize());
		client.assertRefusedLikeZitadel("not-a-jwt");
		assertThat(lastRefusal()).contains("not a signed JWT");
	}

	@Test
	void assertionOfAnExpiredKeyIsRefusedLikeZitadel() {
		try (LocalZitadel expired = LocalZitadel.builder().keyExpiration(Instant.now().minusSeconds(1)).start()) {
			Client expiredClient = new Client(expired);
			expiredClient.assertRefusedLikeZitadel(expiredClient.assertion((claims) -> {
			}));
			assertThat(expired.tokenRequests().get(0).refusal()).contains("key expired");
		}
	}

	@Test
	void missingScopeIsAnInvalidRequest() {
		HttpResponse<String> response = client.post("/oauth/v2/token",
				Client.form("grant_type", Client.JWT_BEARER, "assertion", client.assertion((claims) -> {
				})));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Client.json(response)).containsEntry("error", "invalid_request");
		assertThat((String) Client.json(response).get("error_description"))
			.startsWith("The scope of your request is missing");
	}

	@Test
	void missingGrantTypeOrAssertionIsAnInvalidRequest() {
		HttpResponse<String> noGrantType = client.post("/oauth/v2/token",
				Client.form("scope", Client.SCOPE, "assertion", "x"));
		assertThat(noGrantType.statusCode()).isEqualTo(400);
		assertThat(Client.json(noGrantType)).containsEntry("error", "invalid_request")
			.containsEntry("error_description", "grant_type missing");
		HttpResponse<String> noAssertion = client.post("/oauth/v2/token",
				Client.form("grant_type", Client.JWT_BEARER, "scope", Client.SCOPE));
		assertThat(noAssertion.statusCode()).isEqualTo(400);
		assertThat(Client.json(noAssertion)).containsEntry("error", "invalid_request")
			.containsEntry("error_description", "assertion missing");
	}

	@Test
	void bodyThatIsNotAFormHasNoGrantType() {
		HttpResponse<String> response = Client.send(client.request("/oauth/v2/token")
			.header("Content-Type", "application/json")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"" + Client.JWT_BEARER + "\"}")));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Client.json(response)).containsEntry("error_description", "grant_type missing");
	}

	@Test
	void otherGrantTypeIsUnsupported() {
		HttpResponse<String> response = client.post("/oauth/v2/token",
				Client.form("grant_type", "password", "scope", Client.SCOPE));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Client.json(response)).containsEntry("error", "unsupported_grant_type");
	}

	@Test
	void extraFieldsSuchAsClientIdAreIgnored() {
		HttpResponse<String> response = client.post("/oauth/v2/token", Client.form("grant_type", Client.JWT_BEARER,
				"scope", Client.SCOPE, "client_id", "whatever", "assertion", client.assertion((claims) -> {
				})));
		assertThat(response.statusCode()).isEqualTo(200);
	}

	private static String lastRefusal() {
		List<TokenRequest> requests = zitadel.tokenRequests();
		return requests.get(requests.size() - 1).refusal();
	}

}
