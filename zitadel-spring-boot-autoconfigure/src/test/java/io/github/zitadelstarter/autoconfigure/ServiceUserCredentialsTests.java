package io.github.zitadelstarter.autoconfigure;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.zitadelstarter.health.ZitadelHealthIndicator;
import io.github.zitadelstarter.token.ZitadelTokenException;
import io.github.zitadelstarter.token.ZitadelTokenSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.zitadelstarter.testsupport.TokenRequests.form;
import static io.github.zitadelstarter.testsupport.TokenRequests.received;
import static io.github.zitadelstarter.testsupport.TokenRequests.token;
import static io.github.zitadelstarter.testsupport.TokenRequests.tokenEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The two credentials besides the JSON key, end to end against a token endpoint and an API
 * that check them the way ZITADEL does, on the reactive and the blocking path.
 */
@SpringBootTest(classes = ServiceUserCredentialsTests.NoApp.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@EnableWireMock(@ConfigureWireMock(name = "zitadel"))
@ExtendWith(OutputCaptureExtension.class)
class ServiceUserCredentialsTests {

	private static final String CLIENT_ID = "service user 7";

	private static final String CLIENT_SECRET = "s3cr+t/=?&ü";

	private static final String ME = "/auth/v1/users/me";

	@InjectWireMock("zitadel")
	WireMockServer zitadel;

	@BeforeEach
	void stubs() {
		// ZITADEL: client id and secret each form-URL-encoded, then id:secret in Base64.
		String basic = "Basic " + Base64.getEncoder()
			.encodeToString((URLEncoder.encode(CLIENT_ID, StandardCharsets.UTF_8) + ":"
					+ URLEncoder.encode(CLIENT_SECRET, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
		this.zitadel.stubFor(tokenEndpoint().atPriority(5)
			.willReturn(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":\"invalid_client\",\"error_description\":\"client authentication failed\"}")));
		this.zitadel.stubFor(tokenEndpoint().atPriority(1)
			.withHeader("Authorization", equalTo(basic))
			.willReturn(token("client-credentials-token", 43199)));
		this.zitadel.stubFor(get(urlPathEqualTo(ME)).atPriority(5).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":16,\"message\":\"Errors.Token.Invalid\"}")));
		for (String valid : new String[] { "client-credentials-token", "personal-access-token" }) {
			this.zitadel.stubFor(get(urlPathEqualTo(ME)).atPriority(1)
				.withHeader("Authorization", equalTo("Bearer " + valid))
				.willReturn(okJson("{\"user\":{\"id\":\"7\"}}")));
		}
	}

	@Test
	void aClientSecretIsTradedWithTheClientCredentialsGrantAndHttpBasic(CapturedOutput output) {
		for (ApplicationContextRunner runner : runners("zitadel.service-user.client-id=" + CLIENT_ID,
				"zitadel.service-user.client-secret=" + CLIENT_SECRET)) {
			runner.run((context) -> assertThat(callMe(context)).contains("\"id\":\"7\""));
		}
		assertThat(received(this.zitadel)).hasSize(2).allSatisfy((request) -> {
			Map<String, String> form = form(request);
			assertThat(form).containsOnlyKeys("grant_type", "scope")
				.containsEntry("grant_type", "client_credentials")
				.containsEntry("scope", "openid urn:zitadel:iam:org:project:id:zitadel:aud");
		});
		assertThat(output).doesNotContain(CLIENT_SECRET);
	}

	@Test
	void aWrongClientSecretSaysWhichPropertiesToCheckAndIsNotRetried() {
		for (ApplicationContextRunner runner : runners("zitadel.service-user.client-id=" + CLIENT_ID,
				"zitadel.service-user.client-secret=wrong")) {
			runner.run((context) -> assertThatExceptionOfType(ZitadelTokenException.class)
				.isThrownBy(() -> context.getBean(ZitadelTokenSource.class).getTokenBlocking())
				.withMessageContaining("HTTP 401, error 'invalid_client'")
				.withMessageContaining("check zitadel.service-user.client-id and zitadel.service-user.client-secret")
				.withMessageNotContaining("wrong")
				.withMessageNotContaining("Assertion sent"));
		}
		assertThat(received(this.zitadel)).hasSize(2);
	}

	@Test
	void aPersonalAccessTokenGoesToTheApiAsItIsWithoutATokenRequest() {
		for (ApplicationContextRunner runner : runners("zitadel.service-user.personal-access-token=personal-access-token")) {
			runner.run((context) -> assertThat(callMe(context)).contains("\"id\":\"7\""));
		}
		assertThat(received(this.zitadel)).isEmpty();
		assertThat(this.zitadel.findAll(getRequestedFor(urlPathEqualTo(ME)))).as("reactive: 2, blocking: 1").hasSize(3);
	}

	@Test
	void aRefusedPersonalAccessTokenIsNotRetriedAndSaysWhatToDo(CapturedOutput output) {
		for (ApplicationContextRunner runner : runners("zitadel.service-user.personal-access-token=expired-token")) {
			runner.run((context) -> {
				if (context.containsBean("zitadelWebClient")) {
					assertThatExceptionOfType(WebClientResponseException.Unauthorized.class)
						.isThrownBy(() -> context.getBean("zitadelWebClient", WebClient.class).get().uri(ME).retrieve()
							.toBodilessEntity().block(Duration.ofSeconds(30)));
				}
				assertThatExceptionOfType(HttpClientErrorException.Unauthorized.class)
					.isThrownBy(() -> context.getBean("zitadelRestClient", RestClient.class).get().uri(ME).retrieve()
						.toBodilessEntity());
				Health health = context.getBean(ZitadelHealthIndicator.class).health().block(Duration.ofSeconds(30));
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("credential", "personal-access-token")
					.hasEntrySatisfying("reason", (reason) -> assertThat((String) reason)
						.contains("ZITADEL refused the personal access token (HTTP 401): it has expired or was deleted"));
			});
		}
		assertThat(received(this.zitadel)).isEmpty();
		// Reactive: a WebClient and a RestClient call; blocking: a RestClient call. Health reuses
		// the refusal those calls just saw.
		assertThat(this.zitadel.findAll(getRequestedFor(urlPathEqualTo(ME)))).as("each call once, never repeated")
			.hasSize(3);
		assertThat(output).contains("ZITADEL refused the personal access token (HTTP 401): it has expired or was "
				+ "deleted. Create a new one for the service user and set zitadel.service-user.personal-access-token");
		// WireMock logs the requests it receives, headers included; the starter's own lines do not.
		assertThat(output.getAll().lines().filter((line) -> line.contains(" i.g.z.") || line.contains("zitadelstarter")))
			.isNotEmpty()
			.noneMatch((line) -> line.contains("expired-token"));
	}

	private static String callMe(org.springframework.context.ApplicationContext context) {
		String reactive = context.containsBean("zitadelWebClient") ? context.getBean("zitadelWebClient", WebClient.class)
			.get().uri(ME).retrieve().bodyToMono(String.class).block(Duration.ofSeconds(30)) : "";
		String blocking = context.getBean("zitadelRestClient", RestClient.class).get().uri(ME).retrieve()
			.body(String.class);
		assertThat(blocking).isNotNull();
		if (!reactive.isEmpty()) {
			assertThat(reactive).isEqualTo(blocking);
		}
		return blocking;
	}

	/** The reactive and the blocking token path, with health. */
	private ApplicationContextRunner[] runners(String... credentials) {
		ApplicationContextRunner reactive = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ZitadelAutoConfiguration.class,
					ZitadelWebClientAutoConfiguration.class, ZitadelRestClientAutoConfiguration.class,
					ZitadelHealthContributorAutoConfiguration.class))
			.withPropertyValues("zitadel.issuer=" + this.zitadel.baseUrl(), "zitadel.token.retry.max-attempts=2")
			.withPropertyValues(credentials);
		return new ApplicationContextRunner[] { reactive,
				reactive.withClassLoader(new FilteredClassLoader(WebClient.class)) };
	}

	@SpringBootConfiguration
	static class NoApp {

	}

}
