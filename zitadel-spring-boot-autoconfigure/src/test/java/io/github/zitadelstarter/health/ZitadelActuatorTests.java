package io.github.zitadelstarter.health;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.zitadelstarter.key.ServiceUserKey;
import io.github.zitadelstarter.testsupport.TestServiceUser;
import io.github.zitadelstarter.token.ZitadelTokenSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;

import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.zitadelstarter.testsupport.TokenRequests.forgetCachedToken;
import static io.github.zitadelstarter.testsupport.TokenRequests.rejectedAssertion;
import static io.github.zitadelstarter.testsupport.TokenRequests.token;
import static io.github.zitadelstarter.testsupport.TokenRequests.tokenEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a person sees on the actuator endpoints of an application with the starter.
 */
@SpringBootTest(classes = ZitadelActuatorTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "management.endpoints.web.exposure.include=health,metrics,env,configprops",
				"management.endpoint.health.show-details=always", "management.endpoint.env.show-values=always",
				"management.endpoint.configprops.show-values=always", "zitadel.token.retry.max-attempts=2",
				"zitadel.token.retry.initial-backoff=10ms", "zitadel.service-user.key-expiry-warning=400d",
				"zitadel.health.max-age=1s" })
@EnableWireMock(@ConfigureWireMock(name = "zitadel", baseUrlProperties = "zitadel.issuer"))
class ZitadelActuatorTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	private static final TestServiceUser user = TestServiceUser.create();

	/** The health probe's default path. */
	private static final String USERINFO = "/oidc/v1/userinfo";

	private static final Duration WAIT = Duration.ofSeconds(30);

	@InjectWireMock("zitadel")
	WireMockServer zitadel;

	@LocalServerPort
	int port;

	@Autowired
	ZitadelTokenSource tokenSource;

	@Autowired
	ServiceUserKey key;

	@DynamicPropertySource
	static void serviceUserKey(DynamicPropertyRegistry registry) {
		registry.add("zitadel.service-user.key-json", user::keyJson);
	}

	@Autowired
	@Qualifier("zitadelWebClient")
	WebClient zitadelWebClient;

	@BeforeEach
	void forgetTokens() {
		forgetCachedToken(this.tokenSource);
		this.zitadel.stubFor(get(urlPathEqualTo(USERINFO)).willReturn(okJson("{\"sub\":\"42\"}")));
	}

	@Test
	@SuppressWarnings("unchecked")
	void healthIsUpWithWhoAndWhenButNoToken() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("secret-access-token", 43199)));

		String body = getString("/actuator/health");
		Map<String, Object> zitadel = zitadelHealth();

		assertThat(zitadel).containsEntry("status", "UP");
		assertThat((Map<String, Object>) zitadel.get("details")).containsEntry("issuer", this.zitadel.baseUrl())
			.containsEntry("serviceUserId", TestServiceUser.USER_ID)
			.containsEntry("keyId", TestServiceUser.KEY_ID)
			.containsEntry("keyExpiresSoon", true)
			.containsKeys("tokenExpiresAt", "keyExpiresAt", "lastAcquiredAt", "checkedAt");
		assertThat(body).doesNotContain("secret-access-token");
		// With no call to go by, the check asked OpenID Connect's userinfo, as the service user.
		this.zitadel.verify(getRequestedFor(urlPathEqualTo(USERINFO)).withHeader("Authorization",
				equalTo("Bearer secret-access-token")));
		this.zitadel.verify(0, getRequestedFor(urlPathEqualTo("/auth/v1/users/me")));
	}

	@Test
	@SuppressWarnings("unchecked")
	void healthGoesDownWhenZitadelRefusesTheCachedTokenOrCannotBeReachedAndUpAgainByItself() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("soon-revoked", 43199)));
		await().atMost(WAIT).untilAsserted(() -> assertThat(zitadelHealth()).containsEntry("status", "UP"));

		// The cached token is revoked and ZITADEL no longer issues new ones.
		this.zitadel.stubFor(get(urlPathEqualTo(USERINFO)).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"access_denied\",\"error_description\":\"access token invalid\"}")));
		this.zitadel.stubFor(tokenEndpoint().willReturn(rejectedAssertion()));
		await().atMost(WAIT).untilAsserted(() -> {
			Map<String, Object> health = zitadelHealth();
			assertThat(health).containsEntry("status", "DOWN");
			assertThat((Map<String, Object>) health.get("details")).hasEntrySatisfying("reason",
					(reason) -> assertThat((String) reason).containsAnyOf("HTTP 401", "Errors.Internal"));
		});

		this.zitadel.stubFor(get(urlPathEqualTo(USERINFO)).willReturn(okJson("{}")));
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("fresh", 43199)));
		await().atMost(WAIT).untilAsserted(() -> assertThat(zitadelHealth()).containsEntry("status", "UP"));

		// ZITADEL's API stops answering, with a valid token still cached.
		this.zitadel.stubFor(get(urlPathEqualTo(USERINFO)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		await().atMost(WAIT).untilAsserted(() -> {
			Map<String, Object> health = zitadelHealth();
			assertThat(health).containsEntry("status", "DOWN");
			assertThat((Map<String, Object>) health.get("details")).hasEntrySatisfying("reason",
					(reason) -> assertThat((String) reason).startsWith("ZITADEL's API could not be reached"));
		});
		assertThat(this.tokenSource.getCachedToken()).isNotNull();

		this.zitadel.stubFor(get(urlPathEqualTo(USERINFO)).willReturn(okJson("{}")));
		await().atMost(WAIT).untilAsserted(() -> assertThat(zitadelHealth()).containsEntry("status", "UP"));
	}

	@Test
	void manyHealthChecksWithinTheMaxAgeCallZitadelOnce() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("t", 43199)));
		this.zitadelWebClient.get().uri(USERINFO).retrieve().toBodilessEntity().block(WAIT);
		// Evidence older than any max-age: the first check must call ZITADEL.
		ZitadelHealthIndicator indicator = indicator(Duration.ofSeconds(10), Duration.ZERO);
		indicator.health().block(WAIT);
		int before = this.zitadel.findAll(getRequestedFor(urlPathEqualTo(USERINFO))).size();

		ZitadelHealthIndicator patient = indicator(Duration.ofSeconds(10), Duration.ofHours(1));
		List<Health> checks = Flux.range(0, 50).flatMap((i) -> patient.health(), 50).collectList().block(WAIT);

		assertThat(checks).hasSize(50).allSatisfy((health) -> assertThat(health.getStatus()).isEqualTo(Status.UP));
		assertThat(this.zitadel.findAll(getRequestedFor(urlPathEqualTo(USERINFO)))).hasSize(before);
	}

	@Test
	@SuppressWarnings("unchecked")
	void healthIsDownWithZitadelsAnswerAndTheHintThenUpAgainOnceZitadelAnswers() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(rejectedAssertion()));

		Map<String, Object> down = zitadelHealth();

		assertThat(down).containsEntry("status", "DOWN");
		assertThat((Map<String, Object>) down.get("details")).containsEntry("error", "server_error")
			.containsEntry("errorDescription", "Errors.Internal")
			.hasEntrySatisfying("reason", (reason) -> assertThat((String) reason).contains("Likely causes"));

		this.zitadel.stubFor(tokenEndpoint().willReturn(token("recovered", 43199)));

		// ZITADEL is asked again once the cool-down after the rejection (2 s) has passed.
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(zitadelHealth()).containsEntry("status", "UP"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void tokenAcquisitionIsObservedWithOutcomeAndBackgroundTags() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(aResponse().withStatus(503)));
		assertThat(callZitadel()).isFalse();
		assertThat(callZitadel()).isFalse();
		assertThat(callZitadel()).as("after a second outage, the failure is remembered").isFalse();
		forgetCachedToken(this.tokenSource);
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("t", 43199)));
		assertThat(callZitadel()).isTrue();

		Map<String, Object> metric = getJson("/actuator/metrics/zitadel.token.acquisition");
		assertThat((List<Map<String, Object>>) metric.get("availableTags")).anySatisfy((tag) -> {
			assertThat(tag).containsEntry("tag", "outcome");
			assertThat((List<String>) tag.get("values")).contains("success", "error", "cooling-down");
		}).anySatisfy((tag) -> assertThat(tag).containsEntry("tag", "background"));
		Map<String, Object> successes = getJson("/actuator/metrics/zitadel.token.acquisition?tag=outcome:success");
		assertThat((List<Map<String, Object>>) successes.get("measurements"))
			.anySatisfy((m) -> assertThat(m).containsEntry("statistic", "COUNT"));
		Map<String, Object> expiry = getJson("/actuator/metrics/zitadel.token.expiry");
		assertThat((List<Map<String, Object>>) expiry.get("measurements"))
			.allSatisfy((m) -> assertThat(((Number) m.get("value")).doubleValue()).isGreaterThan(40000));
	}

	@Test
	void aHealthCheckNeverWaitsLongerThanItsTimeout() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("slow", 43199).withFixedDelay(3000)));
		ZitadelHealthIndicator impatient = indicator(Duration.ofMillis(300), Duration.ZERO);

		Health health = impatient.health().block(Duration.ofSeconds(2));

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).hasEntrySatisfying("reason",
				(reason) -> assertThat((String) reason).contains("no answer within 300 ms (zitadel.health.timeout)"));
		// The token request itself goes on, for whoever needs the token next.
		await().atMost(Duration.ofSeconds(20)).until(() -> this.tokenSource.getCachedToken() != null);
	}

	@Test
	void envAndConfigpropsNeverShowTheKey() {
		String env = getString("/actuator/env");
		String configprops = getString("/actuator/configprops");

		assertThat(env).contains("zitadel.service-user.key-json").doesNotContain(user.privateKeyPemLine())
			.doesNotContain("PRIVATE KEY");
		assertThat(configprops).contains("keyJson").doesNotContain(user.privateKeyPemLine())
			.doesNotContain("PRIVATE KEY");
	}

	private boolean callZitadel() {
		return this.zitadelWebClient.get().uri(USERINFO).retrieve().toBodilessEntity().map((ok) -> true)
			.onErrorReturn(false)
			.block(WAIT);
	}

	private ZitadelHealthIndicator indicator(Duration timeout, Duration maxAge) {
		return new ZitadelHealthIndicator(this.tokenSource,
				(health, now) -> health.withDetail("keyId", this.key.getKeyId()),
				() -> this.zitadelWebClient.get().uri(USERINFO).retrieve().toBodilessEntity(),
				new ZitadelHealthIndicator.Settings(this.zitadel.baseUrl(), timeout, maxAge), Clock.systemUTC());
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> zitadelHealth() {
		Map<String, Object> health = getJson("/actuator/health");
		return (Map<String, Object>) ((Map<String, Object>) health.get("components")).get("zitadel");
	}

	private Map<String, Object> getJson(String path) {
		return client().get().uri(path).exchangeToMono((response) -> response.bodyToMono(JSON)).block(Duration.ofSeconds(30));
	}

	private String getString(String path) {
		return client().get().uri(path).exchangeToMono((response) -> response.bodyToMono(String.class)).block(Duration.ofSeconds(30));
	}

	private WebClient client() {
		return WebClient.create("http://localhost:" + this.port);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
