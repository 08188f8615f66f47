package io.github.zitadelstarter.restclient;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.zitadelstarter.testsupport.TestServiceUser;
import io.github.zitadelstarter.token.ZitadelTokenSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.registry.ImportHttpServices;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.zitadelstarter.testsupport.TokenRequests.forgetCachedToken;
import static io.github.zitadelstarter.testsupport.TokenRequests.received;
import static io.github.zitadelstarter.testsupport.TokenRequests.token;
import static io.github.zitadelstarter.testsupport.TokenRequests.tokensInTurn;
import static io.github.zitadelstarter.testsupport.TokenRequests.tokenEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code zitadelRestClient} and an HTTP interface client of the {@code zitadel} group,
 * in a plain (non-web) application, against a ZITADEL on WireMock.
 */
@SpringBootTest(classes = ZitadelRestClientTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "zitadel.organization-id=123456")
@EnableWireMock(@ConfigureWireMock(name = "zitadel", baseUrlProperties = "zitadel.issuer"))
class ZitadelRestClientTests {

	private static final TestServiceUser user = TestServiceUser.create();

	@InjectWireMock("zitadel")
	WireMockServer zitadel;

	@Autowired
	@Qualifier("zitadelRestClient")
	RestClient zitadelRestClient;

	@Autowired
	ZitadelApi zitadelApi;

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
	void theRestClientSendsTheBearerTokenAndTheOrganization() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("rest-token", 43199)));

		String me = this.zitadelRestClient.get().uri("/auth/v1/users/me").retrieve().body(String.class);

		assertThat(me).contains("\"id\":\"42\"");
		this.zitadel.verify(getRequestedFor(urlPathEqualTo("/auth/v1/users/me"))
			.withHeader("Authorization", equalTo("Bearer rest-token"))
			.withHeader("x-zitadel-orgid", equalTo("123456")));
	}

	@Test
	void anHttpInterfaceOfTheZitadelGroupCallsZitadelAsTheServiceUser() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("interface-token", 43199)));
		this.zitadel.stubFor(post(urlPathEqualTo("/management/v1/users/_search"))
			.willReturn(okJson("{\"result\":[{\"id\":\"7\"}]}")));

		assertThat(this.zitadelApi.me()).containsKey("user");
		assertThat(this.zitadelApi.searchUsers(Map.of("query", Map.of("limit", 5)))).containsKey("result");

		this.zitadel.verify(getRequestedFor(urlPathEqualTo("/auth/v1/users/me"))
			.withHeader("Authorization", equalTo("Bearer interface-token")));
		this.zitadel.verify(postRequestedFor(urlPathEqualTo("/management/v1/users/_search"))
			.withHeader("Authorization", equalTo("Bearer interface-token"))
			.withHeader("x-zitadel-orgid", equalTo("123456"))
			.withRequestBody(equalToJson("{\"query\":{\"limit\":5}}")));
		assertThat(received(this.zitadel)).hasSize(1);
	}

	@Test
	void fiftyThreadsAtOnceCauseOneTokenRequest() throws Exception {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("shared", 43199).withFixedDelay(300)));
		ExecutorService threads = Executors.newFixedThreadPool(50);
		try {
			List<Callable<String>> callers = Collections.nCopies(50,
					() -> this.zitadelRestClient.get().uri("/auth/v1/users/me").retrieve().body(String.class));
			for (Future<String> result : threads.invokeAll(callers)) {
				assertThat(result.get()).contains("\"id\":\"42\"");
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(received(this.zitadel)).hasSize(1);
		this.zitadel.verify(50, getRequestedFor(urlPathEqualTo("/auth/v1/users/me"))
			.withHeader("Authorization", equalTo("Bearer shared")));
	}

	@Test
	void a401IsRetriedOnceWithANewTokenAndTheSameBody() {
		tokensInTurn(this.zitadel, "t1", "t2");
		this.zitadel.stubFor(post(urlPathEqualTo("/management/v1/users/_search"))
			.withHeader("Authorization", equalTo("Bearer t1"))
			.willReturn(aResponse().withStatus(401)));
		this.zitadel.stubFor(post(urlPathEqualTo("/management/v1/users/_search"))
			.withHeader("Authorization", equalTo("Bearer t2"))
			.willReturn(okJson("{\"result\":[]}")));

		assertThat(this.zitadelApi.searchUsers(Map.of("query", Map.of("limit", 5)))).containsKey("result");

		this.zitadel.verify(2, postRequestedFor(urlPathEqualTo("/management/v1/users/_search"))
			.withRequestBody(equalToJson("{\"query\":{\"limit\":5}}")));
		assertThat(received(this.zitadel)).hasSize(2);
	}

	@Test
	void aSecond401ReachesTheCaller() {
		tokensInTurn(this.zitadel, "t1", "t2");
		this.zitadel.stubFor(get(urlPathEqualTo("/auth/v1/users/me"))
			.willReturn(aResponse().withStatus(401).withBody("{\"code\":16,\"message\":\"Errors.Token.Invalid\"}")));

		assertThatExceptionOfType(HttpClientErrorException.Unauthorized.class)
			.isThrownBy(() -> this.zitadelRestClient.get().uri("/auth/v1/users/me").retrieve().body(String.class));
		this.zitadel.verify(2, getRequestedFor(urlPathEqualTo("/auth/v1/users/me")));
	}

	/** ZITADEL's API as a user of the starter declares it. */
	interface ZitadelApi {

		@GetExchange("/auth/v1/users/me")
		Map<String, Object> me();

		@PostExchange("/management/v1/users/_search")
		Map<String, Object> searchUsers(@RequestBody Map<String, Object> query);

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@ImportHttpServices(group = "zitadel", types = ZitadelApi.class)
	static class App {

	}

}
