package io.github.zitadelstarter.webclient;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.zitadelstarter.testsupport.TestServiceUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.registry.HttpServiceGroup;
import org.springframework.web.service.registry.ImportHttpServices;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.zitadelstarter.testsupport.TokenRequests.token;
import static io.github.zitadelstarter.testsupport.TokenRequests.tokenEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A WebFlux application on a real server that follows the README: an HTTP interface of the
 * {@code zitadel} group backed by WebClient, returning {@code Mono}. A blocking client called
 * on the event loop fails with a message that says what to do instead.
 */
@SpringBootTest(classes = WebFluxApplicationTests.WebFluxApp.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "spring.main.web-application-type=reactive")
@EnableWireMock(@ConfigureWireMock(name = "zitadel", baseUrlProperties = "zitadel.issuer"))
@ExtendWith(OutputCaptureExtension.class)
class WebFluxApplicationTests {

	private static final TestServiceUser user = TestServiceUser.create();

	@InjectWireMock("zitadel")
	WireMockServer zitadel;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void serviceUserKey(DynamicPropertyRegistry registry) {
		registry.add("zitadel.service-user.key-json", user::keyJson);
	}

	@BeforeEach
	void stubs() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("webflux-token", 43199)));
		this.zitadel.stubFor(get(urlPathEqualTo("/auth/v1/users/me")).willReturn(okJson("{\"user\":{\"id\":\"42\"}}")));
	}

	@Test
	void aReactiveHttpInterfaceOfTheZitadelGroupWorksOnTheEventLoop() {
		ResponseEntity<String> response = app().get().uri("/me").retrieve().toEntity(String.class);

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody()).contains("\"id\":\"42\"");
		this.zitadel.verify(getRequestedFor(urlPathEqualTo("/auth/v1/users/me"))
			.withHeader("Authorization", equalTo("Bearer webflux-token")));
	}

	@Test
	void aBlockingClientOnTheEventLoopFailsWithAMessageThatSaysWhatToDo(CapturedOutput output) {
		ResponseEntity<String> response = app().get()
			.uri("/blocking")
			.retrieve()
			.onStatus(HttpStatusCode::isError, (request, answer) -> {
			})
			.toEntity(String.class);

		assertThat(response.getStatusCode().value()).isEqualTo(500);
		assertThat(output).contains("A blocking RestClient call to ZITADEL (GET /auth/v1/users/me) was made on the "
				+ "non-blocking thread")
			.contains("call ZITADEL through the zitadelWebClient, or import HTTP interfaces with @ImportHttpServices("
					+ "group = \"zitadel\", clientType = HttpServiceGroup.ClientType.WEB_CLIENT")
			.doesNotContain("block()/blockFirst()/blockLast() are blocking");
	}

	private RestClient app() {
		return RestClient.create("http://localhost:" + this.port);
	}

	interface ZitadelApi {

		@GetExchange("/auth/v1/users/me")
		Mono<Map<String, Object>> me();

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@ImportHttpServices(group = "zitadel", types = ZitadelApi.class, clientType = HttpServiceGroup.ClientType.WEB_CLIENT)
	@RestController
	static class WebFluxApp {

		private final ZitadelApi zitadel;

		private final RestClient blockingZitadel;

		WebFluxApp(ZitadelApi zitadel, @Qualifier("zitadelRestClient") RestClient blockingZitadel) {
			this.zitadel = zitadel;
			this.blockingZitadel = blockingZitadel;
		}

		@GetMapping("/me")
		Mono<Map<String, Object>> me() {
			return this.zitadel.me();
		}

		@GetMapping("/blocking")
		String blocking() {
			return this.blockingZitadel.get().uri("/auth/v1/users/me").retrieve().body(String.class);
		}

	}

}
