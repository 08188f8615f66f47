package io.github.zitadelstarter.autoconfigure;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.zitadelstarter.testsupport.TestServiceUser;
import io.github.zitadelstarter.token.ZitadelTokenSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.github.zitadelstarter.testsupport.TokenRequests.answersInTurn;
import static io.github.zitadelstarter.testsupport.TokenRequests.received;
import static io.github.zitadelstarter.testsupport.TokenRequests.token;
import static io.github.zitadelstarter.testsupport.TokenRequests.tokenEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An application's tokens over its life, against a token endpoint on WireMock: refreshed on
 * schedule while the application is idle, and no token request once it has closed.
 */
class TokenLifecycleTests {

	private static final TestServiceUser user = TestServiceUser.create();

	private final WireMockServer zitadel = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

	@BeforeEach
	void startZitadel() {
		this.zitadel.start();
		this.zitadel.stubFor(get(urlPathEqualTo("/auth/v1/users/me")).willReturn(okJson("{\"user\":{\"id\":\"42\"}}")));
	}

	@AfterEach
	void stopZitadel() {
		this.zitadel.stop();
	}

	@Test
	void anIdleApplicationHasItsTokenRefreshedBeforeItsNextCall() {
		// A 4 s token is refreshed 2 s after it was received, then a 12 h one.
		answersInTurn(this.zitadel, token("short-lived", 4), token("refreshed", 43199));
		try (ConfigurableApplicationContext app = run()) {
			assertThat(callZitadel(app)).contains("42");
			assertThat(received(this.zitadel)).hasSize(1);

			// No call is made while the first token's refresh point passes.
			ZitadelTokenSource tokenSource = app.getBean(ZitadelTokenSource.class);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> "refreshed".equals(tokenSource.getCachedToken().getTokenValue()));

			assertThat(callZitadel(app)).contains("42");
			assertThat(received(this.zitadel)).as("the call did not wait for a token request").hasSize(2);
			this.zitadel.verify(getRequestedFor(urlPathEqualTo("/auth/v1/users/me")).withHeader("Authorization",
					equalTo("Bearer refreshed")));
		}
	}

	@Test
	void noTokenRequestIsMadeAfterTheApplicationHasClosed() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(aResponse().withStatus(503)));
		ConfigurableApplicationContext app = run("--zitadel.token.retry.max-attempts=100",
				"--zitadel.token.retry.initial-backoff=300ms", "--zitadel.token.retry.max-backoff=300ms");
		CompletableFuture<String> call = CompletableFuture.supplyAsync(() -> {
			try {
				return callZitadel(app);
			}
			catch (RuntimeException ex) {
				return ex.getMessage();
			}
		});
		await().atMost(Duration.ofSeconds(20)).until(() -> !received(this.zitadel).isEmpty());

		app.close();
		int requestsAtClose = received(this.zitadel).size();

		assertThat(call.join()).contains("closed");
		// Without the close, the retries would go on every 300 ms for 30 s.
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(10))
			.until(() -> received(this.zitadel).size() == requestsAtClose);
	}

	@Test
	void noRefreshIsMadeAfterTheApplicationHasClosed() {
		// Every token lives 4 s: while the application runs, one is fetched every 2 s.
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("short-lived", 4)));
		ConfigurableApplicationContext app = run();
		assertThat(callZitadel(app)).contains("42");

		app.close();
		int requestsAtClose = received(this.zitadel).size();

		await().during(Duration.ofSeconds(5))
			.atMost(Duration.ofSeconds(15))
			.until(() -> received(this.zitadel).size() == requestsAtClose);
	}

	@Test
	void aCallerIsGivenBackAfterMaxWaitWhileTheTokenRequestGoesOn() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("slow", 43199).withFixedDelay(20_000)));
		try (ConfigurableApplicationContext app = run("--zitadel.token.max-wait=1s")) {
			CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> outcome(app));
			CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> outcome(app));

			// Not the 45 s that the token request may take with its retries.
			await().atMost(Duration.ofSeconds(15)).until(() -> first.isDone() && second.isDone());
			assertThat(first.join()).contains("no access token within 1 s (zitadel.token.max-wait)");
			assertThat(second.join()).contains("the token request goes on");
			assertThat(received(this.zitadel)).as("both callers waited for the same request").hasSize(1);
		}
	}

	private static String outcome(ConfigurableApplicationContext app) {
		try {
			return callZitadel(app);
		}
		catch (RuntimeException ex) {
			return String.valueOf(ex.getMessage());
		}
	}

	private ConfigurableApplicationContext run(String... more) {
		String[] args = new String[more.length + 2];
		args[0] = "--zitadel.issuer=" + this.zitadel.baseUrl();
		args[1] = "--zitadel.service-user.key-json=" + user.keyJson();
		System.arraycopy(more, 0, args, 2, more.length);
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).run(args);
	}

	private static String callZitadel(ConfigurableApplicationContext app) {
		RestClient zitadel = app.getBean("zitadelRestClient", RestClient.class);
		return zitadel.get().uri("/auth/v1/users/me").retrieve().body(String.class);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
