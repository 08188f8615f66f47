package io.github.zitadelstarter.restclient;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.zitadelstarter.testsupport.TestServiceUser;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.service.annotation.PostExchange;
import org.springframework.web.service.registry.ImportHttpServices;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.zitadelstarter.testsupport.TokenRequests.received;
import static io.github.zitadelstarter.testsupport.TokenRequests.token;
import static io.github.zitadelstarter.testsupport.TokenRequests.tokenEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring MVC application on a real server whose endpoints call ZITADEL through
 * {@code zitadelRestClient} and through an HTTP interface of the {@code zitadel} group.
 */
@SpringBootTest(classes = MvcApplicationTests.MvcApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "zitadel.organization-id=777" })
@EnableWireMock(@ConfigureWireMock(name = "zitadel", baseUrlProperties = "zitadel.issuer"))
class MvcApplicationTests {

	private static final TestServiceUser user = TestServiceUser.create();

	@InjectWireMock("zitadel")
	WireMockServer zitadel;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void serviceUserKey(DynamicPropertyRegistry registry) {
		registry.add("zitadel.service-user.key-json", user::keyJson);
	}

	@Test
	void endpointsCallZitadelThroughTheRestClientAndAnHttpInterfaceAsTheServiceUser() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("mvc-token", 43199)));
		this.zitadel.stubFor(get(urlPathEqualTo("/auth/v1/users/me")).willReturn(okJson("{\"user\":{\"id\":\"42\"}}")));
		this.zitadel.stubFor(post(urlPathEqualTo("/management/v1/users/_search"))
			.willReturn(okJson("{\"result\":[{\"id\":\"7\"}]}")));
		RestClient app = RestClient.create("http://localhost:" + this.port);

		assertThat(app.get().uri("/me").retrieve().body(String.class)).contains("\"id\":\"42\"");
		assertThat(app.get().uri("/users").retrieve().body(String.class)).contains("\"id\":\"7\"");

		this.zitadel.verify(getRequestedFor(urlPathEqualTo("/auth/v1/users/me"))
			.withHeader("Authorization", equalTo("Bearer mvc-token"))
			.withHeader("x-zitadel-orgid", equalTo("777")));
		this.zitadel.verify(postRequestedFor(urlPathEqualTo("/management/v1/users/_search"))
			.withHeader("Authorization", equalTo("Bearer mvc-token"))
			.withHeader("x-zitadel-orgid", equalTo("777")));
		assertThat(received(this.zitadel)).hasSize(1);
	}

	interface UserSearch {

		@PostExchange("/management/v1/users/_search")
		Map<String, Object> search(@RequestBody Map<String, Object> query);

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@ImportHttpServices(group = "zitadel", types = UserSearch.class)
	@RestController
	static class MvcApp {

		private final RestClient zitadel;

		private final UserSearch userSearch;

		MvcApp(@Qualifier("zitadelRestClient") RestClient zitadel, UserSearch userSearch) {
			this.zitadel = zitadel;
			this.userSearch = userSearch;
		}

		@GetMapping("/me")
		String me() {
			return this.zitadel.get().uri("/auth/v1/users/me").retrieve().body(String.class);
		}

		@GetMapping("/users")
		Map<String, Object> users() {
			return this.userSearch.search(Map.of());
		}

	}

}
