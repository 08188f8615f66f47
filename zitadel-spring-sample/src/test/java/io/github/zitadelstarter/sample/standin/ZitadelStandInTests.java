package io.github.zitadelstarter.sample.standin;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.ssl.pem.PemContent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ZitadelStandIn}: it must hold clients to ZITADEL's contract as strictly
 * as ZITADEL does. Assertions are signed with the key read back from the stand-in's key
 * file, so the tests also prove that file usable.
 */
@ExtendWith(OutputCaptureExtension.class)
class ZitadelStandInTests {

	private static final String SCOPE = "openid urn:zitadel:iam:org:project:id:zitadel:aud";

	private static final HttpClient http = HttpClient.newHttpClient();

	private static ZitadelStandIn standIn;

	private static PrivateKey privateKey;

	@BeforeAll
	static void start() throws ParseException {
		standIn = ZitadelStandIn.start();
		privateKey = PemContent.of((String) keyFile().get("key")).getPrivateKey();
	}

	@AfterAll
	static void stop() {
		standIn.close();
	}

	@Test
	void keyFileHasZitadelsFormatWithAPkcs1Key(@TempDir Path directory) throws Exception {
		Map<String, Object> keyFile = keyFile();
		assertThat(keyFile).containsOnlyKeys("type", "keyId", "key", "userId", "expirationDate")
			.containsEntry("type", "serviceaccount")
			.containsEntry("keyId", standIn.keyId())
			.containsEntry("userId", standIn.serviceUserId());
		assertThat(standIn.keyId()).matches("\\d{18}");
		assertThat(standIn.serviceUserId()).matches("\\d{18}").isNotEqualTo(standIn.keyId());
		assertThat(standIn.organizationId()).matches("\\d{18}");
		assertThat((String) keyFile.get("key")).startsWith("-----BEGIN RSA PRIVATE KEY-----\n")
			.endsWith("\n-----END RSA PRIVATE KEY-----\n");
		assertThat(Instant.parse((String) keyFile.get("expirationDate")))
			.isBetween(Instant.now().plus(Duration.ofDays(364)), Instant.now().plus(Duration.ofDays(366)));
		Path file = standIn.writeServiceUserKeyFile(directory);
		assertThat(file).hasFileName(standIn.keyId() + ".json");
		assertThat(Files.readString(file)).isEqualTo(standIn.serviceUserKeyJson());
	}

	@Test
	void validAssertionGetsATokenThatReadsTheServiceUser() throws Exception {
		int tokenRequests = standIn.tokenRequests();
		HttpResponse<String> response = requestToken(assertion((claims) -> {
		}));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(contentType) -> assertThat(contentType).startsWith("application/json"));
		Map<String, Object> body = json(response);
		assertThat(body).containsOnlyKeys("access_token", "token_type", "expires_in")
			.containsEntry("token_type", "Bearer")
			.containsEntry("expires_in", 43199L);
		assertThat((String) body.get("access_token")).hasSizeGreaterThanOrEqualTo(40);
		assertThat(standIn.tokenRequests()).isEqualTo(tokenRequests + 1);

		HttpResponse<String> me = get("/auth/v1/users/me", (String) body.get("access_token"));
		assertThat(me.statusCode()).isEqualTo(200);
		Map<String, Object> user = JSONObjectUtils.getJSONObject(json(me), "user");
		assertThat(user).containsEntry("id", standIn.serviceUserId())
			.containsEntry("userName", standIn.serviceUserName())
			.containsEntry("state", "USER_STATE_ACTIVE")
			.containsKey("machine");
		assertThat(JSONObjectUtils.getJSONObject(json(me), "details"))
			.containsEntry("resourceOwner", standIn.organizationId());
	}

	@Test
	void ps256AndAnAudienceArrayAreAcceptedLikeZitadel() throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.PS256).keyID(standIn.keyId()).build(),
				claims((claims) -> claims.audience(List.of("https://elsewhere.example", standIn.issuer()))).build());
		jwt.sign(new RSASSASigner(privateKey));
		assertThat(requestToken(jwt.serialize()).statusCode()).isEqualTo(200);
	}

	@Test
	void assertionSignedWithAnotherKeyIsRefusedLikeZitadel(CapturedOutput output) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		SignedJWT jwt = new SignedJWT(header(), claims((claims) -> {
		}).build());
		jwt.sign(new RSASSASigner(generator.generateKeyPair().getPrivate()));
		assertRefusedLikeZitadel(jwt.serialize());
		assertThat(output).contains("signature does not verify").doesNotContain(jwt.serialize());
	}

	@Test
	void audienceOtherThanTheIssuerExactlyIsRefusedLikeZitadel(CapturedOutput output) throws Exception {
		String localhost = standIn.issuer().replace("127.0.0.1", "localhost");
		for (String audience : List.of(standIn.issuer() + "/", standIn.issuer() + "/oauth/v2/token", localhost)) {
			assertRefusedLikeZitadel(assertion((claims) -> claims.audience(audience)));
		}
		assertThat(output).contains("does not contain the issuer exactly");
	}

	@Test
	void issuedAtInTheFutureIsRefusedLikeZitadel(CapturedOutput output) throws Exception {
		assertRefusedLikeZitadel(assertion((claims) -> claims.issueTime(secondsFromNow(10))));
		assertThat(output).contains("is more than 1 s after now");
	}

	@Test
	void issuedAtMoreThanAnHourAgoIsRefusedLikeZitadel() throws Exception {
		assertRefusedLikeZitadel(assertion((claims) -> claims.issueTime(secondsFromNow(-3700))));
	}

	@Test
	void missingIssuedAtOrExpirationIsRefusedLikeZitadel() throws Exception {
		assertRefusedLikeZitadel(assertion((claims) -> claims.issueTime(null)));
		assertRefusedLikeZitadel(assertion((claims) -> claims.expirationTime(null)));
	}

	@Test
	void expiredAssertionIsRefusedLikeZitadel() throws Exception {
		assertRefusedLikeZitadel(
				assertion((claims) -> claims.issueTime(secondsFromNow(-120)).expirationTime(secondsFromNow(-60))));
	}

	@Test
	void assertionWithAnotherKeyIdIsRefusedLikeZitadel() throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("100000000000000000").build(),
				claims((claims) -> {
				}).build());
		jwt.sign(new RSASSASigner(privateKey));
		assertRefusedLikeZitadel(jwt.serialize());
	}

	@Test
	void assertionWithoutRsaSignatureIsRefusedLikeZitadel() throws Exception {
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(standIn.keyId()).build(),
				claims((claims) -> {
				}).build());
		jwt.sign(new MACSigner(new byte[32]));
		assertRefusedLikeZitadel(jwt.serialize());
		assertRefusedLikeZitadel("not-a-jwt");
	}

	@Test
	void issuerDifferentFromSubjectIsRefusedLikeZitadel() throws Exception {
		assertRefusedLikeZitadel(assertion((claims) -> claims.issuer("100000000000000000")));
		assertRefusedLikeZitadel(
				assertion((claims) -> claims.issuer("100000000000000000").subject("100000000000000000")));
	}

	@Test
	void missingScopeIsAnInvalidRequest() throws Exception {
		HttpResponse<String> response = post("/oauth/v2/token",
				form(Map.of("grant_type", TokenEndpoint.JWT_BEARER, "assertion", assertion((claims) -> {
				}))));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).containsEntry("error", "invalid_request");
		assertThat((String) json(response).get("error_description")).startsWith("The scope of your request is missing");
	}

	@Test
	void missingGrantTypeOrAssertionIsAnInvalidRequest() throws Exception {
		HttpResponse<String> noGrantType = post("/oauth/v2/token", form(Map.of("scope", SCOPE, "assertion", "x")));
		assertThat(noGrantType.statusCode()).isEqualTo(400);
		assertThat(json(noGrantType)).containsEntry("error", "invalid_request")
			.containsEntry("error_description", "grant_type missing");
		HttpResponse<String> noAssertion = post("/oauth/v2/token",
				form(Map.of("grant_type", TokenEndpoint.JWT_BEARER, "scope", SCOPE)));
		assertThat(noAssertion.statusCode()).isEqualTo(400);
		assertThat(json(noAssertion)).containsEntry("error", "invalid_request")
			.containsEntry("error_description", "assertion missing");
	}

	@Test
	void otherGrantTypeIsUnsupported() throws Exception {
		HttpResponse<String> response = post("/oauth/v2/token",
				form(Map.of("grant_type", "client_credentials", "scope", SCOPE)));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).containsEntry("error", "unsupported_grant_type");
	}

	@Test
	void tokenWithoutZitadelAudienceScopeIsRefusedByTheApis() throws Exception {
		HttpResponse<String> response = post("/oauth/v2/token", form(Map.of("grant_type", TokenEndpoint.JWT_BEARER,
				"scope", "openid profile", "assertion", assertion((claims) -> {
				}))));
		assertThat(response.statusCode()).isEqualTo(200);
		HttpResponse<String> me = get("/auth/v1/users/me", (String) json(response).get("access_token"));
		assertThat(me.statusCode()).isEqualTo(401);
		assertThat(json(me)).containsEntry("code", 16L).containsEntry("message", "invalid audience (APP-Zxfako)");
	}

	@Test
	void missingOrUnknownBearerTokenIsRefusedByTheApis() throws Exception {
		for (HttpRequest.Builder request : List.of(request("/management/v1/orgs/me"),
				request("/management/v1/orgs/me").header("Authorization", "Bearer unknown-token"),
				request("/management/v1/orgs/me").header("Authorization", "Basic " + token()))) {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(json(response)).containsEntry("code", 16L).containsEntry("message", "Errors.Token.Invalid");
		}
	}

	@Test
	void expiredTokenIsRefusedByTheApis() throws Exception {
		try (ZitadelStandIn shortLived = ZitadelStandIn.start(Duration.ofSeconds(1))) {
			PrivateKey key = PemContent.of((String) JSONObjectUtils.parse(shortLived.serviceUserKeyJson()).get("key"))
				.getPrivateKey();
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(shortLived.keyId()).build(),
					claims((claims) -> claims.issuer(shortLived.serviceUserId())
						.subject(shortLived.serviceUserId())
						.audience(shortLived.issuer())).build());
			jwt.sign(new RSASSASigner(key));
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create(shortLived.issuer() + "/oauth/v2/token"))
						.header("Content-Type", "application/x-www-form-urlencoded")
						.POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", TokenEndpoint.JWT_BEARER,
								"scope", SCOPE, "assertion", jwt.serialize()))))
						.build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(json(response)).containsEntry("expires_in", 1L);
			HttpRequest me = HttpRequest.newBuilder(URI.create(shortLived.issuer() + "/auth/v1/users/me"))
				.header("Authorization", "Bearer " + json(response).get("access_token"))
				.build();
			await().atMost(Duration.ofSeconds(5))
				.pollInterval(Duration.ofMillis(100))
				.untilAsserted(() -> assertThat(http.send(me, HttpResponse.BodyHandlers.ofString()).statusCode())
					.isEqualTo(401));
		}
	}

	@Test
	void userSearchListsTheServiceUserAndTwoHumans() throws Exception {
		HttpResponse<String> response = http.send(request("/management/v1/users/_search")
			.header("Authorization", "Bearer " + token())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> body = json(response);
		assertThat(JSONObjectUtils.getJSONObject(body, "details")).containsEntry("totalResult", "3");
		List<Map<String, Object>> users = List.of(JSONObjectUtils.getJSONObjectArray(body, "result"));
		assertThat(users).hasSize(3);
		assertThat(users.get(0)).containsEntry("id", standIn.serviceUserId()).containsKey("machine");
		assertThat(users.subList(1, 3)).allSatisfy((user) -> {
			Map<String, Object> human = JSONObjectUtils.getJSONObject(user, "human");
			assertThat(JSONObjectUtils.getJSONObject(human, "profile")).containsKeys("firstName", "lastName",
					"displayName");
			assertThat(JSONObjectUtils.getJSONObject(human, "email")).containsEntry("isEmailVerified", true);
		});
	}

	@Test
	void ownOrganizationIsReadWithOrWithoutItsIdButAnotherIsForbidden() throws Exception {
		String token = token();
		for (HttpRequest.Builder request : List.of(request("/management/v1/orgs/me"),
				request("/management/v1/orgs/me").header("x-zitadel-orgid", standIn.organizationId()))) {
			HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(JSONObjectUtils.getJSONObject(json(response), "org"))
				.containsEntry("id", standIn.organizationId())
				.containsEntry("name", standIn.organizationName())
				.containsEntry("state", "ORG_STATE_ACTIVE");
		}
		HttpResponse<String> other = http.send(request("/management/v1/orgs/me")
			.header("Authorization", "Bearer " + token)
			.header("x-zitadel-orgid", "100000000000000000")
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(other.statusCode()).isEqualTo(403);
		assertThat(json(other)).containsEntry("code", 7L);
	}

	@Test
	void discoveryAndHealthNeedNoToken() throws Exception {
		HttpResponse<String> discovery = http.send(request("/.well-known/openid-configuration").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(discovery.statusCode()).isEqualTo(200);
		assertThat(json(discovery)).containsEntry("issuer", standIn.issuer())
			.containsEntry("token_endpoint", standIn.issuer() + "/oauth/v2/token");
		HttpResponse<String> health = http.send(request("/debug/healthz").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).isEqualTo("ok");
	}

	@Test
	void listensOnLoopbackAndHasNoWireMockAdminApi() throws Exception {
		assertThat(URI.create(standIn.issuer()).getHost()).isEqualTo("127.0.0.1");
		assertThat(standIn.issuer()).doesNotEndWith("/");
		HttpResponse<String> admin = http.send(request("/__admin/mappings").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(admin.statusCode()).isEqualTo(401);
		HttpResponse<String> unknown = http.send(request("/management/v1/nothing").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(unknown.statusCode()).isEqualTo(404);
	}

	private static Map<String, Object> keyFile() throws ParseException {
		return JSONObjectUtils.parse(standIn.serviceUserKeyJson());
	}

	/** A valid assertion's claims, dated now, for a test to spoil. */
	private static JWTClaimsSet.Builder claims(Consumer<JWTClaimsSet.Builder> customizer) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(standIn.serviceUserId())
			.subject(standIn.serviceUserId())
			.audience(standIn.issuer())
			.issueTime(secondsFromNow(-1))
			.expirationTime(secondsFromNow(60));
		customizer.accept(claims);
		return claims;
	}

	private static JWSHeader header() {
		return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(standIn.keyId()).build();
	}

	private static String assertion(Consumer<JWTClaimsSet.Builder> customizer) throws JOSEException {
		SignedJWT jwt = new SignedJWT(header(), claims(customizer).build());
		jwt.sign(new RSASSASigner(privateKey));
		return jwt.serialize();
	}

	private static Date secondsFromNow(long seconds) {
		return Date.from(Instant.now().plusSeconds(seconds));
	}

	private static String token() throws Exception {
		HttpResponse<String> response = requestToken(assertion((claims) -> {
		}));
		assertThat(response.statusCode()).isEqualTo(200);
		return (String) json(response).get("access_token");
	}

	private static HttpResponse<String> requestToken(String assertion) throws IOException, InterruptedException {
		return post("/oauth/v2/token",
				form(Map.of("grant_type", TokenEndpoint.JWT_BEARER, "scope", SCOPE, "assertion", assertion)));
	}

	private static void assertRefusedLikeZitadel(String assertion) throws Exception {
		HttpResponse<String> response = requestToken(assertion);
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(json(response)).isEqualTo(Map.of("error", "server_error", "error_description", "Errors.Internal"));
	}

	private static String form(Map<String, String> fields) {
		return fields.entrySet()
			.stream()
			.map((field) -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

	private static HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(standIn.issuer() + path));
	}

	private static HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
		return http.send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
		return http.send(request(path).header("Authorization", "Bearer " + token).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static Map<String, Object> json(HttpResponse<String> response) throws ParseException {
		return JSONObjectUtils.parse(response.body());
	}

}
