package io.github.zitadelstarter.test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local ZITADEL's introspection endpoint authenticates the API application as strictly as
 * ZITADEL, and answers per RFC 7662.
 */
class UserTokensIntrospectionTests {

	private static final String ISSUER = "http://127.0.0.1:8080";

	private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

	private final UserTokens tokens = new UserTokens(() -> ISSUER, this.clock, "s3cret");

	private final Map<String, Object> claims = Map.of("sub", "alice", "aud", List.of("project"));

	@Test
	void aValidAssertionIntrospectsAnActiveToken() {
		String token = this.tokens.issueOpaque(this.claims, Duration.ofHours(1));

		Answer answer = introspect(token, assertion((claims) -> {
		}));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("\"active\":true").contains("\"sub\":\"alice\"").contains("\"iss\":\"" + ISSUER);
		assertThat(this.tokens.introspections()).singleElement()
			.satisfies((introspection) -> assertThat(introspection.clientAuthentication()).isEqualTo("private_key_jwt"));
	}

	@Test
	void unknownAndExpiredTokensAreInactive() {
		String expired = this.tokens.issueOpaque(this.claims, Duration.ofSeconds(-1));
		assertThat(introspect("unknown", assertion((claims) -> {
		})).body()).isEqualTo("{\"active\":false}");
		assertThat(introspect(expired, assertion((claims) -> {
		})).body()).isEqualTo("{\"active\":false}");
	}

	@Test
	void assertionsThatZitadelRefusesAreRefused() {
		String token = this.tokens.issueOpaque(this.claims, Duration.ofHours(1));
		Map<String, Consumer<JWTClaimsSet.Builder>> wrong = new LinkedHashMap<>();
		wrong.put("aud is the introspection URL", (claims) -> claims.audience(ISSUER + "/oauth/v2/introspect"));
		wrong.put("iss is not the client id", (claims) -> claims.issuer("someone"));
		wrong.put("sub differs from iss", (claims) -> claims.subject("someone"));
		wrong.put("expired", (claims) -> claims.expirationTime(Date.from(this.clock.instant().minusSeconds(5))));
		wrong.put("iat older than an hour",
				(claims) -> claims.issueTime(Date.from(this.clock.instant().minus(Duration.ofMinutes(61)))));
		wrong.forEach((why, change) -> assertThat(introspect(token, assertion(change)).status()).as(why).isEqualTo(401));
		assertThat(this.tokens.introspections()).hasSize(wrong.size()).allMatch((each) -> each.refusal() != null);
	}

	@Test
	void basicNeedsTheUrlEncodedClientIdAndSecret() {
		String token = this.tokens.issueOpaque(this.claims, Duration.ofHours(1));
		String encoded = Base64.getEncoder()
			.encodeToString((URLEncoder.encode(this.tokens.clientId, StandardCharsets.UTF_8) + ":s3cret")
				.getBytes(StandardCharsets.UTF_8));
		String wrong = Base64.getEncoder()
			.encodeToString((this.tokens.clientId + ":other").getBytes(StandardCharsets.UTF_8));

		assertThat(introspectBasic(token, encoded).body()).contains("\"active\":true");
		assertThat(introspectBasic(token, wrong).status()).isEqualTo(401);
		assertThat(introspect(token, null).status()).isEqualTo(401);
	}

	@Test
	void everyIntrospectionIsCountedBeyondTheLatestRecorded() {
		String token = this.tokens.issueOpaque(this.claims, Duration.ofHours(1));
		String basic = Base64.getEncoder()
			.encodeToString((URLEncoder.encode(this.tokens.clientId, StandardCharsets.UTF_8) + ":s3cret")
				.getBytes(StandardCharsets.UTF_8));
		int introspections = LocalZitadel.RECORD_LIMIT + 5;
		for (int i = 0; i < introspections; i++) {
			introspectBasic(token, basic);
		}

		assertThat(this.tokens.introspections()).hasSize(LocalZitadel.RECORD_LIMIT);
		assertThat(this.tokens.introspectionCount()).isEqualTo(introspections);
		this.tokens.clearIntrospections();
		assertThat(this.tokens.introspectionCount()).isZero();
	}

	private String assertion(Consumer<JWTClaimsSet.Builder> change) {
		Instant now = this.clock.instant();
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(this.tokens.clientId)
			.subject(this.tokens.clientId)
			.audience(ISSUER)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(60)));
		change.accept(claims);
		try {
			SignedJWT jwt = new SignedJWT(
					new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(this.tokens.applicationKeyId).build(),
					claims.build());
			jwt.sign(new RSASSASigner(this.tokens.applicationKeyPair().getPrivate()));
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private Answer introspect(String token, String assertion) {
		String form = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
		if (assertion != null) {
			form += "&client_assertion_type=" + URLEncoder
				.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
					+ "&client_assertion=" + assertion;
		}
		return this.tokens.introspect(request(form, Map.of()));
	}

	private Answer introspectBasic(String token, String basic) {
		return this.tokens.introspect(request("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
				Map.of("authorization", List.of("Basic " + basic))));
	}

	private Request request(String form, Map<String, List<String>> headers) {
		Map<String, List<String>> all = new LinkedHashMap<>(headers);
		all.put("content-type", List.of("application/x-www-form-urlencoded"));
		return new Request("POST", "/oauth/v2/introspect", "", all, form, this.clock.instant());
	}

}
