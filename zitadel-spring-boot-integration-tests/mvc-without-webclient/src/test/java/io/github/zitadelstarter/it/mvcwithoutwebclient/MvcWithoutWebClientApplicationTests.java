package io.github.zitadelstarter.it.mvcwithoutwebclient;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.zitadelstarter.api.ZitadelClients;
import io.github.zitadelstarter.api.user.UserServiceClient;
import io.github.zitadelstarter.restclient.ZitadelClientHttpRequestInterceptor;
import io.github.zitadelstarter.testsupport.TestServiceUser;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.zitadelstarter.testsupport.TokenRequests.form;
import static io.github.zitadelstarter.testsupport.TokenRequests.received;
import static io.github.zitadelstarter.testsupport.TokenRequests.token;
import static io.github.zitadelstarter.testsupport.TokenRequests.tokenEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application on a real server, with ZITADEL on WireMock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnableWireMock(@ConfigureWireMock(name = "zitadel", baseUrlProperties = "zitadel.issuer"))
class MvcWithoutWebClientApplicationTests {

	private static final TestServiceUser user = TestServiceUser.create();

	@InjectWireMock("zitadel")
	WireMockServer zitadel;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@DynamicPropertySource
	static void serviceUserKey(DynamicPropertyRegistry registry) {
		registry.add("zitadel.service-user.key-json", user::keyJson);
	}

	@Test
	void bothEndpointsShowZitadelsAnswerWithOneTokenForAllCalls() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("no-webclient-token", 43199)));
		this.zitadel.stubFor(get(urlPathEqualTo("/auth/v1/users/me"))
			.willReturn(okJson("{\"user\":{\"id\":\"" + TestServiceUser.USER_ID + "\"}}")));
		RestClient app = RestClient.create("http://localhost:" + this.port);

		for (int i = 0; i < 3; i++) {
			assertThat(app.get().uri("/me/rest-client").retrieve().body(String.class))
				.contains("\"id\":\"" + TestServiceUser.USER_ID + "\"");
			assertThat(app.get().uri("/me/http-interface").retrieve().body(String.class))
				.contains("\"id\":\"" + TestServiceUser.USER_ID + "\"");
		}

		this.zitadel.verify(6, getRequestedFor(urlPathEqualTo("/auth/v1/users/me")));
		this.zitadel.verify(6, getRequestedFor(urlPathEqualTo("/auth/v1/users/me")).withHeader("Authorization",
				equalTo("Bearer no-webclient-token")));
		assertThat(received(this.zitadel)).singleElement()
			.extracting((request) -> form(request).get("grant_type"))
			.isEqualTo("urn:ietf:params:oauth:grant-type:jwt-bearer");
	}

	@Test
	void theBlockingTypedClientsCallZitadelsV2Services() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("no-webclient-token", 43199)));
		this.zitadel.stubFor(post(urlPathEqualTo("/zitadel.user.v2.UserService/GetUserByID"))
			.withRequestBody(equalToJson("{\"userId\":\"123\"}"))
			.willReturn(okJson("{\"user\":{\"userId\":\"123\",\"username\":\"ada\",\"addedLater\":true}}")));

		assertThat(RestClient.create("http://localhost:" + this.port)
			.get()
			.uri("/users/123/username")
			.retrieve()
			.body(String.class)).isEqualTo("ada");
		this.zitadel.verify(postRequestedFor(urlPathEqualTo("/zitadel.user.v2.UserService/GetUserByID"))
			.withHeader("Authorization", equalTo("Bearer no-webclient-token"))
			.withHeader("Content-Type", containing("application/json")));
		assertThat(this.context.getBeanNamesForType(UserServiceClient.class)).hasSize(1);
		assertThat(this.context.getBeanNamesForType(ZitadelClients.class)).hasSize(1);
	}

	@Test
	void onlyTheRestClientSideOfTheStarterIsThere() {
		assertThat(this.context.containsBean("zitadelRestClient")).isTrue();
		assertThat(this.context.getBeanNamesForType(ZitadelClientHttpRequestInterceptor.class)).hasSize(1);
		assertThat(this.context.containsBean("zitadelWebClient")).isFalse();
		assertThat(this.context.containsBean("zitadelExchangeFilterFunction")).isFalse();
	}

}
