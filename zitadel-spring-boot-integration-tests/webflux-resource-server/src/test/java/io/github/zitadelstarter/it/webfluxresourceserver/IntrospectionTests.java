package io.github.zitadelstarter.it.webfluxresourceserver;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import io.github.zitadelstarter.test.LocalResourceServer;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.context.EnableLocalZitadel;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebFlux application's API with opaque tokens, introspected with the API application's
 * JSON key ({@code private_key_jwt}) by the starter's reactive introspector, against the local
 * ZITADEL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "zitadel.resource-server.introspection.cool-down=1s")
@EnableLocalZitadel(resourceServer = LocalResourceServer.INTROSPECTION_KEY)
@ExtendWith(OutputCaptureExtension.class)
class IntrospectionTests {

	@LocalServerPort
	int port;

	@Autowired
	LocalZitadel zitadel;

	@Test
	void noTokenIs401WithoutAnIntrospection() {
		HttpResponse<String> response = Api.get(this.port, "/api/greeting", null);

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((header) -> assertThat(header).startsWith("Bearer"));
		assertThat(this.zitadel.introspections()).isEmpty();
	}

	@Test
	void garbageIs401InvalidTokenAndStaysOutOfTheLog(CapturedOutput output) {
		HttpResponse<String> response = Api.get(this.port, "/api/greeting", "garbage-token-1234");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(header) -> assertThat(header).startsWith("Bearer error=\"invalid_token\""));
		assertThat(output).doesNotContain("garbage-token-1234");
	}

	@Test
	void tokenWithoutTheRoleIs403() {
		HttpResponse<String> response = Api.get(this.port, "/api/greeting",
				this.zitadel.userToken("user-without-role").opaque());

		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((header) -> assertThat(header).contains("insufficient_scope"));
	}

	@Test
	void tokenWithTheRoleIs200WithTheUserItsOrganizationAndRoles(CapturedOutput output) {
		String token = this.zitadel.userToken("alice").organization("org-1").role("viewer").role("editor", "org-2")
			.opaque();

		HttpResponse<String> response = Api.get(this.port, "/api/greeting", token);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"userId\":\"alice\"")
			.contains("\"organizationId\":\"org-1\"")
			.contains("\"roles\":[\"viewer\",\"editor\"]")
			.contains("ROLE_viewer", "ROLE_editor");
		assertThat(this.zitadel.introspections()).singleElement().satisfies((introspection) -> {
			assertThat(introspection.clientAuthentication()).isEqualTo("private_key_jwt");
			assertThat(introspection.clientId()).isEqualTo(this.zitadel.apiClientId());
			assertThat(introspection.active()).isTrue();
		});
		assertThat(output).doesNotContain(token);
	}

	@Test
	void concurrentRequestsWithOneTokenMakeOneIntrospection() {
		String token = this.zitadel.userToken("alice").role("viewer").opaque();
		// A warm application, so that the 16 requests meet while its first one would still load classes.
		assertThat(Api.get(this.port, "/api/greeting", null).statusCode()).isEqualTo(401);
		this.zitadel.delayIntrospections(Duration.ofMillis(300));
		WebClient client = WebClient.create("http://127.0.0.1:" + this.port);

		List<Integer> statuses = Flux.range(0, 16)
			.flatMap((i) -> client.get()
				.uri("/api/greeting")
				.headers((headers) -> headers.setBearerAuth(token))
				.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value())), 16)
			.collectList()
			.block(Duration.ofSeconds(60));

		assertThat(statuses).hasSize(16).containsOnly(200);
		assertThat(this.zitadel.introspections()).hasSize(1);
	}

	@Test
	void zitadelOutOfReachIs503NotA401WhileATokenKnownValidKeepsWorking(CapturedOutput output) {
		String known = this.zitadel.userToken("alice").role("viewer").opaque();
		String unknown = this.zitadel.userToken("bob").role("viewer").opaque();
		assertThat(Api.get(this.port, "/api/greeting", known).statusCode()).isEqualTo(200);

		this.zitadel.goDown();
		HttpResponse<String> refused = Api.get(this.port, "/api/greeting", unknown);
		HttpResponse<String> served = Api.get(this.port, "/api/greeting", known);
		this.zitadel.comeBack();

		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(output).doesNotContain(unknown).doesNotContain(known);
		// Back: after the cool-down, tokens not yet known are introspected again.
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(Api.get(this.port, "/api/greeting", unknown).statusCode()).isEqualTo(200));
	}

	@Test
	void expiredTokenIs401() {
		String token = this.zitadel.userToken("alice").role("viewer").lifetime(Duration.ofSeconds(-1)).opaque();

		assertThat(Api.get(this.port, "/api/greeting", token).statusCode()).isEqualTo(401);
	}

	@Test
	void tokenForAnotherAudienceIs401() {
		String token = this.zitadel.userToken("alice").role("viewer").audience("another-project").opaque();

		assertThat(Api.get(this.port, "/api/greeting", token).statusCode()).isEqualTo(401);
	}

	@Test
	void roleInOneOrganizationGrantsThatOrganizationOnly() {
		String token = this.zitadel.userToken("alice").role("viewer").role("admin", "org-1").opaque();

		assertThat(Api.get(this.port, "/api/organizations/org-1/report", token).statusCode()).isEqualTo(200);
		assertThat(Api.get(this.port, "/api/organizations/org-2/report", token).statusCode()).isEqualTo(403);
	}

}
