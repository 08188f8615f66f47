package io.github.zitadelstarter.webclient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.zitadelstarter.autoconfigure.ZitadelAutoConfiguration;
import io.github.zitadelstarter.testsupport.TestServiceUser;
import io.github.zitadelstarter.token.ZitadelTokenException;
import io.github.zitadelstarter.token.ZitadelTokenSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.zitadelstarter.testsupport.TokenRequests.form;
import static io.github.zitadelstarter.testsupport.TokenRequests.forgetCachedToken;
import static io.github.zitadelstarter.testsupport.TokenRequests.received;
import static io.github.zitadelstarter.testsupport.TokenRequests.rejectedAssertion;
import static io.github.zitadelstarter.testsupport.TokenRequests.token;
import static io.github.zitadelstarter.testsupport.TokenRequests.tokensInTurn;
import static io.github.zitadelstarter.testsupport.TokenRequests.tokenEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * The {@code zitadelWebClient} against a ZITADEL on WireMock, as an application uses it.
 */
@SpringBootTest(classes = ZitadelWebClientTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "zitadel.organization-id=123456", "zitadel.scopes=urn:zitadel:iam:user:metadata" })
@EnableWireMock(@ConfigureWireMock(name = "zitadel", baseUrlProperties = "zitadel.issuer"))
class ZitadelWebClientTests {

	private static final TestServiceUser user = TestServiceUser.create();

	@InjectWireMock("zitadel")
	WireMockServer zitadel;

	@Autowired
	@Qualifier("zitadelWebClient")
	WebClient zitadelWebClient;

	@Autowired
	ZitadelTokenSource tokenSource;

	@DynamicPropertySource
	static void serviceUserKey(DynamicPropertyRegistry registry) {
		registry.add("zitadel.service-user.key-json", user::keyJson);
	}

	@BeforeEach
	void forgetTokens() {
		forgetCachedToken(this.tokenSource);
		this.zitadel.stubFor(get(urlPathEqualTo("/auth/v1/users/me")).willReturn(okJson("{\"user\":{\"id\":\"42\"}}")));
	}

	@Test
	void zitadelReceivesTheJwtBearerGrantWithTheZitadelAudienceScope() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("opaque-token", 43199)));

		callUsersMe();

		LoggedRequest request = received(this.zitadel).get(0);
		assertThat(request.getHeader("Content-Type")).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
		Map<String, String> form = form(request);
		assertThat(form).containsOnlyKeys("grant_type", "scope", "assertion")
			.containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")
			.containsEntry("scope", "openid urn:zitadel:iam:org:project:id:zitadel:aud urn:zitadel:iam:user:metadata");
	}

	@Test
	void withoutWebFluxTheBlockingProviderSendsTheSameGrant() throws Exception {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("blocking-token", 43199)));
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ZitadelAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(WebClient.class))
			.withPropertyValues("zitadel.issuer=" + this.zitadel.baseUrl() + "/",
					"zitadel.service-user.key-json=" + user.keyJson())
			.run((context) -> {
				OAuth2AccessToken token = context.getBean(ZitadelTokenSource.class).getTokenBlocking();
				assertThat(token.getTokenValue()).isEqualTo("blocking-token");
				assertThat(token.getExpiresAt()).isCloseTo(Instant.now().plusSeconds(43199), within(Duration.ofMinutes(1)));
			});
		Map<String, String> form = form(received(this.zitadel).get(0));
		assertThat(form).containsOnlyKeys("grant_type", "scope", "assertion")
			.containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")
			.containsEntry("scope", "openid urn:zitadel:iam:org:project:id:zitadel:aud");
		SignedJWT assertion = SignedJWT.parse(form.get("assertion"));
		assertThat(assertion.verify(user.verifier())).isTrue();
		assertThat(assertion.getJWTClaimsSet().getAudience()).as("issuer's trailing slash is not part of aud")
			.containsExactly(this.zitadel.baseUrl());
	}

	@Test
	void withoutWebFluxARejectedAssertionIsExplainedTheSameWay() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(rejectedAssertion()));
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ZitadelAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(WebClient.class))
			.withPropertyValues("zitadel.issuer=" + this.zitadel.baseUrl(),
					"zitadel.service-user.key-json=" + user.keyJson())
			.run((context) -> assertThatExceptionOfType(ZitadelTokenException.class)
				.isThrownBy(() -> context.getBean(ZitadelTokenSource.class).getTokenBlocking())
				.withMessageContaining("HTTP 500, error 'server_error' (Errors.Internal)")
				.withMessageContaining("Likely causes"));
	}

	@Test
	void theAssertionIsSignedWithTheServiceUsersKeyAndCarriesWhatZitadelChecks() throws Exception {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("opaque-token", 43199)));

		callUsersMe();

		Instant now = Instant.now();
		SignedJWT assertion = SignedJWT.parse(form(received(this.zitadel).get(0)).get("assertion"));
		assertThat(assertion.verify(user.verifier())).as("signature verified with the public key").isTrue();
		assertThat(assertion.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
		assertThat(assertion.getHeader().getKeyID()).isEqualTo(TestServiceUser.KEY_ID);
		JWTClaimsSet claims = assertion.getJWTClaimsSet();
		assertThat(claims.getIssuer()).isEqualTo(TestServiceUser.USER_ID);
		assertThat(claims.getSubject()).isEqualTo(TestServiceUser.USER_ID);
		assertThat(claims.getAudience()).containsExactly(this.zitadel.baseUrl());
		Instant issuedAt = claims.getIssueTime().toInstant();
		Instant expiresAt = claims.getExpirationTime().toInstant();
		assertThat(issuedAt).as("iat dated back by the 30 s clock skew allowance")
			.isCloseTo(now.minusSeconds(30), within(Duration.ofSeconds(10)));
		assertThat(expiresAt).isAfter(now.plusSeconds(1));
		assertThat(Duration.between(issuedAt, expiresAt)).isLessThanOrEqualTo(Duration.ofHours(1));
	}

	@Test
	void theApiReceivesTheBearerTokenAndTheOrganization() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("opaque-token", 43199)));

		assertThat(callUsersMe()).contains("\"id\":\"42\"");

		this.zitadel.verify(getRequestedFor(urlPathEqualTo("/auth/v1/users/me"))
			.withHeader("Authorization", equalTo("Bearer opaque-token"))
			.withHeader("x-zitadel-orgid", equalTo("123456")));
	}

	@Test
	void aCallCanActInAnotherOrganization() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("opaque-token", 43199)));
		this.zitadel.stubFor(post(urlPathEqualTo("/management/v1/users/_search")).willReturn(okJson("{\"result\":[]}")));

		this.zitadelWebClient.post()
			.uri("/management/v1/users/_search")
			.header("x-zitadel-orgid", "999")
			.bodyValue(Map.of())
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(10));

		this.zitadel.verify(postRequestedFor(urlPathEqualTo("/management/v1/users/_search"))
			.withHeader("x-zitadel-orgid", equalTo("999"))
			.withRequestBody(equalToJson("{}")));
	}

	@Test
	void twoHundredFirstCallsAtOnceCauseOneTokenRequest() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("shared", 43199).withFixedDelay(300)));

		List<String> answers = Flux.range(0, 200)
			.flatMap((i) -> this.zitadelWebClient.get().uri("/auth/v1/users/me").retrieve().bodyToMono(String.class),
					200)
			.collectList()
			.block(Duration.ofSeconds(30));

		assertThat(answers).hasSize(200);
		assertThat(received(this.zitadel)).hasSize(1);
	}

	@Test
	void theTokenIsReusedForLaterCalls() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("opaque-token", 43199)));

		callUsersMe();
		callUsersMe();
		callUsersMe();

		assertThat(received(this.zitadel)).hasSize(1);
		this.zitadel.verify(3, getRequestedFor(urlPathEqualTo("/auth/v1/users/me")));
	}

	@Test
	void aRejectedAssertionExplainsTheLikelyCausesAndTheClaimsSentButNotTheAssertion() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(rejectedAssertion()));

		assertThatExceptionOfType(ZitadelTokenException.class).isThrownBy(this::callUsersMe).satisfies((ex) -> {
			assertThat(ex.getError().getErrorCode()).isEqualTo("server_error");
			assertThat(ex.getError().getDescription()).isEqualTo("Errors.Internal");
			assertThat(ex.getMessage()).contains("HTTP 500, error 'server_error' (Errors.Internal)")
				.contains("zitadel.issuer is not exactly the instance's issuer")
				.contains("expired")
				.contains("clock")
				.contains("application key")
				.contains("kid=" + TestServiceUser.KEY_ID)
				.contains("iss=" + TestServiceUser.USER_ID)
				.contains("sub=" + TestServiceUser.USER_ID)
				.contains("aud=[" + this.zitadel.baseUrl() + "]")
				.contains("iat=")
				.contains("exp=");
			String assertion = form(received(this.zitadel).get(0)).get("assertion");
			assertThat(ex.getMessage()).doesNotContain(assertion).doesNotContain(assertion.split("\\.")[2]);
		});
		this.zitadel.verify(0, getRequestedFor(urlPathEqualTo("/auth/v1/users/me")));
	}

	@Test
	void aBadRequestCarriesZitadelsErrorAndDescription() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"invalid_request\",\"error_description\":\"assertion missing\"}")));

		assertThatExceptionOfType(ZitadelTokenException.class).isThrownBy(this::callUsersMe)
			.withMessageContaining("HTTP 400, error 'invalid_request' (assertion missing)")
			.withMessageNotContaining("Likely causes");
	}

	@Test
	void a401DropsTheTokenAndTheCallIsSentOnceMoreWithANewTokenAndItsBody() {
		tokensInTurn(this.zitadel, "t1", "t2");
		this.zitadel.stubFor(post(urlPathEqualTo("/management/v1/users/_search"))
			.withHeader("Authorization", equalTo("Bearer t1"))
			.willReturn(aResponse().withStatus(401).withBody("{\"code\":16,\"message\":\"Errors.Token.Invalid\"}")));
		this.zitadel.stubFor(post(urlPathEqualTo("/management/v1/users/_search"))
			.withHeader("Authorization", equalTo("Bearer t2"))
			.willReturn(okJson("{\"result\":[{\"id\":\"1\"}]}")));

		String users = searchUsers().block(Duration.ofSeconds(10));

		assertThat(users).contains("\"id\":\"1\"");
		assertThat(received(this.zitadel)).hasSize(2);
		this.zitadel.verify(2, postRequestedFor(urlPathEqualTo("/management/v1/users/_search"))
			.withRequestBody(equalToJson("{\"query\":{\"limit\":10}}")));
	}

	@Test
	void manyCallersRefusedWithTheSameTokenCauseOneNewTokenRequest() {
		tokensInTurn(this.zitadel, "t1", "t2");
		this.zitadel.stubFor(post(urlPathEqualTo("/management/v1/users/_search"))
			.withHeader("Authorization", equalTo("Bearer t1"))
			.willReturn(aResponse().withStatus(401).withFixedDelay(100)));
		this.zitadel.stubFor(post(urlPathEqualTo("/management/v1/users/_search"))
			.withHeader("Authorization", equalTo("Bearer t2"))
			.willReturn(okJson("{\"result\":[]}")));

		List<String> results = Flux.range(0, 20).flatMap((i) -> searchUsers(), 20).collectList().block(Duration.ofSeconds(20));

		assertThat(results).hasSize(20);
		assertThat(received(this.zitadel)).hasSize(2);
	}

	@Test
	void aSecond401ReachesTheCaller() {
		tokensInTurn(this.zitadel, "t1", "t2");
		this.zitadel.stubFor(post(urlPathEqualTo("/management/v1/users/_search"))
			.willReturn(aResponse().withStatus(401).withBody("{\"code\":16,\"message\":\"Errors.Token.Invalid\"}")));

		assertThatExceptionOfType(WebClientResponseException.Unauthorized.class)
			.isThrownBy(() -> searchUsers().block(Duration.ofSeconds(10)))
			.satisfies((ex) -> assertThat(ex.getResponseBodyAsString()).contains("Errors.Token.Invalid"));
		this.zitadel.verify(2, postRequestedFor(urlPathEqualTo("/management/v1/users/_search")));
		assertThat(received(this.zitadel)).hasSize(2);
	}

	@Test
	void a403IsNotRetried() {
		tokensInTurn(this.zitadel, "t1", "t2");
		this.zitadel.stubFor(post(urlPathEqualTo("/management/v1/users/_search"))
			.willReturn(aResponse().withStatus(403).withBody("{\"code\":7,\"message\":\"No matching permissions found\"}")));

		assertThatExceptionOfType(WebClientResponseException.Forbidden.class)
			.isThrownBy(() -> searchUsers().block(Duration.ofSeconds(10)));
		this.zitadel.verify(1, postRequestedFor(urlPathEqualTo("/management/v1/users/_search")));
		assertThat(received(this.zitadel)).hasSize(1);
	}

	private Mono<String> searchUsers() {
		return this.zitadelWebClient.post()
			.uri("/management/v1/users/_search")
			.bodyValue(Map.of("query", Map.of("limit", 10)))
			.retrieve()
			.bodyToMono(String.class);
	}

	private String callUsersMe() {
		return this.zitadelWebClient.get()
			.uri("/auth/v1/users/me")
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(10));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
