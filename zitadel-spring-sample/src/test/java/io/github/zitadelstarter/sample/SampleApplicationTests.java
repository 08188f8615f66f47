package io.github.zitadelstarter.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.zitadelstarter.test.ApiCall;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.context.EnableLocalZitadel;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample against the local ZITADEL, as {@code spring-boot:test-run} runs it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnableLocalZitadel
class SampleApplicationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	int port;

	@Autowired
	ConfigurableEnvironment environment;

	@Autowired
	LocalZitadel zitadel;

	@Test
	void runsAgainstTheLocalZitadel() {
		assertThat(this.environment.getProperty("zitadel.issuer")).isEqualTo(this.zitadel.issuer())
			.startsWith("http://127.0.0.1:");
	}

	@Test
	void meIsTheServiceUser() {
		assertThat(get("/me")).containsEntry("userId", this.zitadel.userId())
			.containsEntry("username", this.zitadel.userName())
			.containsKey("machine");
	}

	@Test
	void orgIsTheServiceUsersOrganization() {
		assertThat(get("/org")).containsEntry("id", this.zitadel.organizationId())
			.containsEntry("name", this.zitadel.organizationName())
			.containsEntry("state", "ORGANIZATION_STATE_ACTIVE");
	}

	@Test
	void usersAreTheUsersTheServiceUserSeesFoundByName() {
		assertThat(getList("/users")).hasSize(3);
		assertThat(getList("/users?userName=ADA")).singleElement()
			.satisfies((user) -> assertThat(user).containsEntry("username", "ada.lovelace"));
		assertThat(this.zitadel.apiCalls()).extracting(ApiCall::path)
			.contains("/zitadel.user.v2.UserService/ListUsers");
	}

	@Test
	@SuppressWarnings("unchecked")
	void healthIsUpWithTheZitadelComponent() {
		Map<String, Object> health = get("/actuator/health");
		assertThat(health).containsEntry("status", "UP");
		Map<String, Object> zitadel = (Map<String, Object>) ((Map<String, Object>) health.get("components"))
			.get("zitadel");
		assertThat(zitadel).containsEntry("status", "UP");
		assertThat((Map<String, Object>) zitadel.get("details")).containsKeys("issuer", "serviceUserId", "keyId",
				"tokenExpiresAt", "keyExpiresAt");
	}

	@Test
	void userNamesAreLookedUp() {
		String id = this.zitadel.addHumanUser("grace.hopper", "Grace", "Hopper");
		assertThat(WebClient.create("http://localhost:" + this.port)
			.get()
			.uri("/users/{id}/name", id)
			.retrieve()
			.bodyToMono(String.class)
			.block(Duration.ofSeconds(30))).isEqualTo("Grace Hopper");
	}

	private List<Map<String, Object>> getList(String path) {
		return WebClient.create("http://localhost:" + this.port)
			.get()
			.uri(path)
			.retrieve()
			.bodyToMono(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.block(Duration.ofSeconds(30));
	}

	private Map<String, Object> get(String path) {
		return WebClient.create("http://localhost:" + this.port)
			.get()
			.uri(path)
			.retrieve()
			.bodyToMono(JSON)
			.block(Duration.ofSeconds(30));
	}
}
