package io.github.zitadelstarter.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample as a newcomer runs it: nothing configured, so against the local stand-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	int port;

	@Autowired
	ConfigurableEnvironment environment;

	@Test
	void runsAgainstTheStandInWhenNoIssuerIsConfigured() {
		assertThat(this.environment.getPropertySources().contains("zitadelStandIn")).isTrue();
		assertThat(this.environment.getProperty("zitadel.issuer")).startsWith("http://127.0.0.1:");
	}

	@Test
	@SuppressWarnings("unchecked")
	void meIsTheServiceUser() {
		Map<String, Object> user = (Map<String, Object>) get("/me").get("user");
		assertThat(user).containsEntry("userName", "zitadel-spring-sample").containsKey("machine");
	}

	@Test
	@SuppressWarnings("unchecked")
	void orgIsTheServiceUsersOrganization() {
		Map<String, Object> org = (Map<String, Object>) get("/org").get("org");
		assertThat(org).containsEntry("state", "ORG_STATE_ACTIVE").containsKey("name");
	}

	@Test
	void usersAreTheOrganizationsUsers() {
		assertThat((List<?>) get("/users").get("result")).hasSize(3);
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

	private Map<String, Object> get(String path) {
		return WebClient.create("http://localhost:" + this.port)
			.get()
			.uri(path)
			.retrieve()
			.bodyToMono(JSON)
			.block(Duration.ofSeconds(30));
	}


}
