package io.github.zitadelstarter.health;

import java.time.Duration;
import java.util.Map;

import io.github.zitadelstarter.autoconfigure.ZitadelAutoConfiguration;
import io.github.zitadelstarter.autoconfigure.ZitadelHealthContributorAutoConfiguration;
import io.github.zitadelstarter.autoconfigure.ZitadelResourceServerAutoConfiguration;
import io.github.zitadelstarter.autoconfigure.ZitadelWebClientAutoConfiguration;
import io.github.zitadelstarter.test.Introspection;
import io.github.zitadelstarter.test.LocalZitadel;
import io.github.zitadelstarter.token.ZitadelTokenSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code zitadel} health of an application that checks its users' tokens, against the
 * local ZITADEL: whether its JWKS or its introspection can be reached, with or without a
 * service user, and nothing secret in the details.
 */
class ZitadelResourceServerHealthTests {

	private static final LocalZitadel zitadel = LocalZitadel.start();

	private static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations.of(ZitadelAutoConfiguration.class,
			ZitadelWebClientAutoConfiguration.class, ZitadelResourceServerAutoConfiguration.class,
			ZitadelHealthContributorAutoConfiguration.class);

	private final WebApplicationContextRunner servlet = new WebApplicationContextRunner()
		.withConfiguration(AUTO_CONFIGURATIONS)
		.withPropertyValues("zitadel.issuer=" + zitadel.issuer(),
				"zitadel.resource-server.audience=" + zitadel.apiProjectId());

	private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AUTO_CONFIGURATIONS)
		.withPropertyValues("zitadel.issuer=" + zitadel.issuer(),
				"zitadel.resource-server.audience=" + zitadel.apiProjectId());

	@AfterEach
	void comeBack() {
		zitadel.reset();
	}

	@AfterAll
	static void stop() {
		zitadel.close();
	}

	@Test
	void jwtsWithoutAServiceUserAreUpWhenTheKeysCanBeFetchedAndNoServiceUserTokenIsAskedFor() {
		this.servlet.run((context) -> {
			assertThat(context).doesNotHaveBean(ZitadelTokenSource.class)
				.getBean("zitadelHealthIndicator")
				.isInstanceOf(ZitadelResourceServerHealthIndicator.class);
			Health health = health(context);

			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("issuer", zitadel.issuer());
			assertThat(resourceServer(health)).containsEntry("mode", "jwt")
				.containsEntry("endpoint", zitadel.issuer() + "/oauth/v2/keys")
				.containsEntry("reachable", true)
				.containsKey("checkedAt");
		});
		assertThat(zitadel.tokenRequests()).isEmpty();
		assertThat(zitadel.apiCalls()).isEmpty();
	}

	@Test
	void jwtsAreDownWithTheReasonWhileZitadelIsOutOfReach() {
		this.servlet.run((context) -> {
			zitadel.goDown();
			Health health = health(context);

			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(resourceServer(health)).containsEntry("reachable", false)
				.hasEntrySatisfying("reason", (reason) -> assertThat((String) reason).contains("/oauth/v2/keys"));
		});
	}

	@Test
	void introspectionIsUpWhenZitadelAnswersTheApiApplicationAsked() {
		this.servlet.withPropertyValues("zitadel.resource-server.introspection.key-json=" + zitadel.applicationKeyJson())
			.run((context) -> {
				Health health = health(context);

				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(resourceServer(health)).containsEntry("mode", "introspection")
					.containsEntry("endpoint", zitadel.issuer() + "/oauth/v2/introspect")
					.containsEntry("reachable", true);
				assertThat(health.toString()).doesNotContain(zitadel.applicationKeyJson().substring(60, 120));
			});
		assertThat(zitadel.introspections()).singleElement().satisfies((introspection) -> {
			assertThat(introspection.clientAuthentication()).isEqualTo("private_key_jwt");
			assertThat(introspection.refusal()).isNull();
			assertThat(introspection.active()).isFalse();
		});
		assertThat(zitadel.tokenRequests()).isEmpty();
	}

	@Test
	void introspectionIsDownWhenZitadelRefusesTheApiApplicationAndTheSecretIsNotShown() {
		this.servlet
			.withPropertyValues("zitadel.resource-server.introspection.client-id=" + zitadel.apiClientId(),
					"zitadel.resource-server.introspection.client-secret=wrong-secret-4711")
			.run((context) -> {
				Health health = health(context);

				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(resourceServer(health)).containsEntry("reachable", false)
					.hasEntrySatisfying("reason", (reason) -> assertThat((String) reason).contains("401"));
				assertThat(health.toString()).doesNotContain("wrong-secret-4711");
			});
		assertThat(zitadel.introspections()).extracting(Introspection::status).containsExactly(401);
	}

	@Test
	void introspectionIsDownWhenZitadelDoesNotAnswerInTime() {
		this.servlet
			.withPropertyValues("zitadel.resource-server.introspection.key-json=" + zitadel.applicationKeyJson(),
					"zitadel.health.timeout=300ms")
			.run((context) -> {
				zitadel.stopAnswering();
				Health health = health(context);

				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(resourceServer(health)).containsEntry("reason",
						"no answer within 300 ms (zitadel.health.timeout)");
			});
		// The request held back is answered, and recorded, once ZITADEL answers again.
		zitadel.comeBack();
		await().atMost(Duration.ofSeconds(30)).until(() -> zitadel.introspections().size() == 1);
	}

	@Test
	void aCheckStandsForMaxAgeAndConcurrentChecksShareOneProbe() {
		this.servlet.withPropertyValues("zitadel.resource-server.introspection.key-json=" + zitadel.applicationKeyJson())
			.run((context) -> {
				ReactiveHealthIndicator indicator = context.getBean("zitadelHealthIndicator",
						ReactiveHealthIndicator.class);
				reactor.core.publisher.Flux.range(0, 8)
					.flatMap((i) -> indicator.health())
					.collectList()
					.block(Duration.ofSeconds(30));
				health(context);
			});
		assertThat(zitadel.introspections()).hasSize(1);
	}

	@Test
	void reactiveIntrospectionIsUpAndDownWhileZitadelIsOutOfReach() {
		this.reactive
			.withPropertyValues("zitadel.resource-server.introspection.key-json=" + zitadel.applicationKeyJson(),
					"zitadel.health.max-age=100ms")
			.run((context) -> {
				assertThat(health(context).getStatus()).isEqualTo(Status.UP);
				zitadel.goDown();

				await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
					Health down = health(context);
					assertThat(down.getStatus()).isEqualTo(Status.DOWN);
					assertThat(resourceServer(down)).containsEntry("mode", "introspection")
						.containsEntry("reachable", false)
						.containsKey("reason");
				});
			});
	}

	@Test
	void withAServiceUserTheZitadelHealthHasBoth() {
		this.reactive.withPropertyValues("zitadel.service-user.key-json=" + zitadel.keyJson())
			.run((context) -> {
				assertThat(context).getBean("zitadelHealthIndicator").isInstanceOf(ZitadelHealthIndicator.class);
				Health health = health(context);

				assertThat(health.getStatus()).as(health::toString).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("serviceUserId", zitadel.userId())
					.containsKey("tokenExpiresAt");
				assertThat(resourceServer(health)).containsEntry("mode", "jwt").containsEntry("reachable", true);
			});
	}

	@Test
	void withAServiceUserTheZitadelHealthIsDownWithTheKeysOutOfReach() {
		this.reactive
			.withPropertyValues("zitadel.service-user.key-json=" + zitadel.keyJson(), "zitadel.health.max-age=100ms")
			.run((context) -> {
				assertThat(health(context).getStatus()).isEqualTo(Status.UP);
				zitadel.goDown();

				await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
					Health health = health(context);
					assertThat(health.getStatus()).isEqualTo(Status.DOWN);
					assertThat(health.getDetails()).containsEntry("serviceUserId", zitadel.userId());
					assertThat(resourceServer(health)).containsEntry("reachable", false);
				});
			});
	}

	@Test
	void anApplicationsOwnDecoderIsNotTheStartersToCheck() {
		this.servlet.withBean("jwtDecoder", org.springframework.security.oauth2.jwt.JwtDecoder.class,
				() -> (token) -> {
					throw new org.springframework.security.oauth2.jwt.BadJwtException("not used");
				})
			.run((context) -> {
				assertThat(context).hasNotFailed();
				// What the health endpoint collects: nothing of the starter's.
				assertThat(context.getBeansOfType(ReactiveHealthIndicator.class)).isEmpty();
			});
	}

	private static Health health(ApplicationContext context) {
		return context.getBean("zitadelHealthIndicator", ReactiveHealthIndicator.class)
			.health()
			.block(Duration.ofSeconds(30));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> resourceServer(Health health) {
		return (Map<String, Object>) health.getDetails().get("resourceServer");
	}

}
