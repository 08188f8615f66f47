package io.github.zitadelstarter.it.webfluxresourceserver;

import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.zitadelstarter.test.LocalResourceServer;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.context.EnableLocalZitadel;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/health} of an application with a service user that also checks its users'
 * tokens by introspection (client id and secret): the {@code zitadel} component shows both,
 * whether the introspection can be reached under {@code resourceServer}, and nothing secret.
 * (An API without a service user: {@code ZitadelResourceServerHealthTests} of the
 * auto-configuration.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoint.health.show-details=always", "zitadel.health.max-age=200ms" })
@EnableLocalZitadel(resourceServer = LocalResourceServer.INTROSPECTION_SECRET)
class HealthTests {

	@LocalServerPort
	int port;

	@Autowired
	LocalZitadel zitadel;

	@Test
	void zitadelIsUpWhileItsIntrospectionAnswersAndDownWhileItIsOutOfReach() {
		HttpResponse<String> up = Api.get(this.port, "/actuator/health", null);

		assertThat(up.statusCode()).isEqualTo(200);
		assertThat(up.body()).containsPattern("\"zitadel\":\\{\"details\":\\{.*\"resourceServer\":\\{\"mode\":\"introspection\",.*\"reachable\":true.*\\},\"status\":\"UP\"\\}")
			.doesNotContain(this.zitadel.apiClientSecret());
		assertThat(this.zitadel.introspections()).singleElement().satisfies((introspection) -> {
			assertThat(introspection.clientAuthentication()).isEqualTo("client_secret_basic");
			assertThat(introspection.active()).isFalse();
		});

		this.zitadel.goDown();
		try {
			Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				HttpResponse<String> down = Api.get(this.port, "/actuator/health", null);
				assertThat(down.statusCode()).isEqualTo(503);
				assertThat(down.body()).contains("\"reachable\":false")
					.containsPattern("\"zitadel\":\\{\"details\":\\{.*\\},\"status\":\"DOWN\"\\}");
			});
		}
		finally {
			this.zitadel.comeBack();
		}
	}

}
