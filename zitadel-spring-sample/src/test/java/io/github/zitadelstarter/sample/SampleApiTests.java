package io.github.zitadelstarter.sample;

import java.util.Map;

import io.github.zitadelstarter.test.LocalResourceServer;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.context.EnableLocalZitadel;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's own {@code GET /api/greeting}, protected by ZITADEL, as {@code spring-boot:test-run}
 * runs it: users' opaque tokens introspected with the API application's key.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "zitadel.resource-server.introspection.cool-down=1s")
@EnableLocalZitadel(resourceServer = LocalResourceServer.INTROSPECTION_KEY)
@ExtendWith(OutputCaptureExtension.class)
class SampleApiTests {

	@LocalServerPort
	int port;

	@Autowired
	LocalZitadel zitadel;

	@Test
	void withoutATokenIs401() {
		Result result = greeting(null);
		assertThat(result.status()).isEqualTo(401);
		assertThat(result.wwwAuthenticate()).startsWith("Bearer");
	}

	@Test
	void aBadTokenIs401InvalidToken(CapturedOutput output) {
		Result result = greeting("not-a-token-4711");
		assertThat(result.status()).isEqualTo(401);
		assertThat(result.wwwAuthenticate()).startsWith("Bearer error=\"invalid_token\"");
		assertThat(output).doesNotContain("not-a-token-4711");
	}

	@Test
	void withoutTheRoleViewerIs403() {
		assertThat(greeting(this.zitadel.userToken("bob").role("editor").opaque()).status()).isEqualTo(403);
	}

	@Test
	void withTheRoleViewerAnswersWithTheCallersIdOrganizationAndRoles() {
		String token = this.zitadel.userToken("ada").organization("org-7").role("viewer").opaque();

		Result result = greeting(token);

		assertThat(result.status()).isEqualTo(200);
		assertThat(result.body()).contains("\"userId\":\"ada\"")
			.contains("\"organizationId\":\"org-7\"")
			.contains("\"roles\":[\"viewer\"]");
	}

	@Test
	void manyRequestsWithOneTokenMakeOneIntrospection() {
		String token = this.zitadel.userToken("ada").role("viewer").opaque();
		for (int i = 0; i < 25; i++) {
			assertThat(greeting(token).status()).isEqualTo(200);
		}
		assertThat(this.zitadel.introspections()).hasSize(1);
	}

	@Test
	void zitadelOutOfReachIs503WhileAKnownTokenKeepsWorking() {
		String known = this.zitadel.userToken("ada").role("viewer").opaque();
		String unknown = this.zitadel.userToken("bob").role("viewer").opaque();
		assertThat(greeting(known).status()).isEqualTo(200);

		this.zitadel.goDown();
		int refused = greeting(unknown).status();
		int served = greeting(known).status();
		this.zitadel.comeBack();

		assertThat(refused).isEqualTo(503);
		assertThat(served).isEqualTo(200);
		Awaitility.await().untilAsserted(() -> assertThat(greeting(unknown).status()).isEqualTo(200));
	}

	@Test
	void theServiceUsersEndpointsStayOpen() {
		assertThat(WebClient.create("http://localhost:" + this.port)
			.get()
			.uri("/org")
			.exchangeToMono((response) -> response.bodyToMono(Map.class))
			.block()).containsEntry("id", this.zitadel.organizationId());
	}

	private Result greeting(String token) {
		return WebClient.create("http://localhost:" + this.port)
			.get()
			.uri("/api/greeting")
			.headers((headers) -> {
				if (token != null) {
					headers.setBearerAuth(token);
				}
			})
			.exchangeToMono((ClientResponse response) -> response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.map((body) -> new Result(response.statusCode().value(),
						String.valueOf(response.headers().asHttpHeaders().getFirst("WWW-Authenticate")), body)))
			.block();
	}

	record Result(int status, String wwwAuthenticate, String body) {
	}

}
