package io.github.zitadelstarter.health;

import java.time.Duration;
import java.util.List;

import io.github.zitadelstarter.autoconfigure.ZitadelAutoConfiguration;
import io.github.zitadelstarter.autoconfigure.ZitadelHealthContributorAutoConfiguration;
import io.github.zitadelstarter.autoconfigure.ZitadelRestClientAutoConfiguration;
import io.github.zitadelstarter.autoconfigure.ZitadelWebClientAutoConfiguration;
import io.github.zitadelstarter.test.ApiCall;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.test.ServiceUserCredential;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The health probe against the local ZITADEL, which checks tokens as ZITADEL does: with no
 * recent call to go by, a health check calls OpenID Connect's userinfo, which takes the token
 * of each of the service user's three credentials, from the reactive and the blocking client.
 */
class ZitadelHealthProbeTests {

	private static final String USERINFO = "/oidc/v1/userinfo";

	private static final Duration WAIT = Duration.ofSeconds(30);

	@ParameterizedTest
	@EnumSource(ServiceUserCredential.class)
	void theProbeCallsUserinfoAndIsUpWithEachCredential(ServiceUserCredential credential) {
		try (LocalZitadel zitadel = LocalZitadel.start()) {
			for (ApplicationContextRunner runner : runners(zitadel, credential)) {
				zitadel.clearRecords();
				runner.run((context) -> {
					Health health = health(context);

					assertThat(health.getStatus()).isEqualTo(Status.UP);
					assertThat(health.getDetails()).containsEntry("credential", detail(credential))
						.containsEntry("issuer", zitadel.issuer());
				});
				assertThat(zitadel.apiCalls()).singleElement().satisfies((call) -> {
					assertThat(call.method()).isEqualTo("GET");
					assertThat(call.path()).isEqualTo(USERINFO);
					assertThat(call.status()).isEqualTo(200);
					assertThat(call.header("Authorization")).startsWith("Bearer ");
					if (credential == ServiceUserCredential.PERSONAL_ACCESS_TOKEN) {
						assertThat(call.header("Authorization")).isEqualTo("Bearer " + zitadel.personalAccessToken());
					}
				});
			}
		}
	}

	@ParameterizedTest
	@EnumSource(ServiceUserCredential.class)
	void healthIsDownWithTheReasonWhileUserinfoRefusesTheTokenAndUpAgainAfterwards(ServiceUserCredential credential) {
		try (LocalZitadel zitadel = LocalZitadel.start()) {
			for (ApplicationContextRunner runner : runners(zitadel, credential)) {
				runner.withPropertyValues("zitadel.health.max-age=100ms").run((context) -> {
					assertThat(health(context).getStatus()).isEqualTo(Status.UP);

					// Userinfo refuses the token, and the one that replaces it, as ZITADEL does
					// once the service user is deactivated or its token revoked.
					zitadel.clearRecords();
					zitadel.rejectNextApiCalls(2);
					await().atMost(WAIT).untilAsserted(() -> {
						Health down = health(context);
						assertThat(down.getStatus()).isEqualTo(Status.DOWN);
						assertThat(down.getDetails()).containsEntry("reason", reason(credential))
							.containsEntry("credential", detail(credential));
					});
					assertThat(zitadel.apiCalls()).filteredOn((call) -> call.status() == 401)
						.isNotEmpty()
						.allSatisfy((call) -> assertThat(call.path()).isEqualTo(USERINFO))
						.allSatisfy((call) -> assertThat(call.responseBody()).contains("access token invalid"));

					await().atMost(WAIT).untilAsserted(() -> assertThat(health(context).getStatus()).isEqualTo(Status.UP));
				});
			}
		}
	}

	@Test
	void aConfiguredProbePathIsCalledInstead() {
		try (LocalZitadel zitadel = LocalZitadel.start()) {
			for (ApplicationContextRunner runner : runners(zitadel, ServiceUserCredential.KEY)) {
				zitadel.clearRecords();
				runner.withPropertyValues("zitadel.health.probe-path=/management/v1/orgs/me")
					.run((context) -> assertThat(health(context).getStatus()).isEqualTo(Status.UP));
				assertThat(zitadel.apiCalls()).extracting(ApiCall::path).containsExactly("/management/v1/orgs/me");
			}
		}
	}

	/** The reactive and the blocking path, with health. */
	private static List<ApplicationContextRunner> runners(LocalZitadel zitadel, ServiceUserCredential credential) {
		ApplicationContextRunner reactive = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ZitadelAutoConfiguration.class,
					ZitadelWebClientAutoConfiguration.class, ZitadelRestClientAutoConfiguration.class,
					ZitadelHealthContributorAutoConfiguration.class))
			.withPropertyValues("zitadel.token.retry.max-attempts=2");
		for (var property : zitadel.properties(credential).entrySet()) {
			reactive = reactive.withPropertyValues(property.getKey() + "=" + property.getValue());
		}
		return List.of(reactive, reactive.withClassLoader(new FilteredClassLoader(WebClient.class)));
	}

	private static Health health(ApplicationContext context) {
		return context.getBean(ZitadelHealthIndicator.class).health().block(WAIT);
	}

	private static String detail(ServiceUserCredential credential) {
		return switch (credential) {
			case KEY -> "key";
			case CLIENT_SECRET -> "client-secret";
			case PERSONAL_ACCESS_TOKEN -> "personal-access-token";
		};
	}

	private static String reason(ServiceUserCredential credential) {
		return (credential != ServiceUserCredential.PERSONAL_ACCESS_TOKEN)
				? "ZITADEL refused the service user's access token (HTTP 401)"
				: "ZITADEL refused the personal access token (HTTP 401): it has expired or was deleted. Create a new "
						+ "one for the service user and set zitadel.service-user.personal-access-token";
	}

}
