package io.github.zitadelstarter.token;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.zitadelstarter.testsupport.MutableClock;
import io.github.zitadelstarter.testsupport.TestServiceUser;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.github.zitadelstarter.testsupport.TokenRequests.answersInTurn;
import static io.github.zitadelstarter.testsupport.TokenRequests.received;
import static io.github.zitadelstarter.testsupport.TokenRequests.rejectedAssertion;
import static io.github.zitadelstarter.testsupport.TokenRequests.token;
import static io.github.zitadelstarter.testsupport.TokenRequests.tokenEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The token source's guarantees, with the starter's own fetcher against a ZITADEL token
 * endpoint on WireMock, and a clock that the tests move by hand.
 */
@SpringBootTest(classes = ZitadelTokenSourceTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "zitadel.token.read-timeout=3s")
@EnableWireMock(@ConfigureWireMock(name = "zitadel", baseUrlProperties = "zitadel.issuer"))
class ZitadelTokenSourceTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final TestServiceUser user = TestServiceUser.create();

	@InjectWireMock("zitadel")
	WireMockServer zitadel;

	@Autowired
	AccessTokenFetcher fetcher;

	private final MutableClock clock = new MutableClock();

	@DynamicPropertySource
	static void serviceUserKey(DynamicPropertyRegistry registry) {
		registry.add("zitadel.service-user.key-json", user::keyJson);
	}

	@Test
	void tokenIsFetchedOnceWhenManyCallersArriveTogether() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("t1", 43199).withFixedDelay(300)));
		ZitadelTokenSource source = source(6);

		List<String> tokens = Flux.range(0, 200)
			.flatMap((i) -> source.getToken(), 200)
			.map(OAuth2AccessToken::getTokenValue)
			.collectList()
			.block(WAIT);

		assertThat(tokens).hasSize(200).containsOnly("t1");
		assertThat(received(this.zitadel)).hasSize(1);
	}

	@Test
	void blockingCallersShareOneTokenRequestToo() throws Exception {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("t1", 43199).withFixedDelay(300)));
		ZitadelTokenSource source = source(6);
		ExecutorService threads = Executors.newFixedThreadPool(50);
		try {
			List<Callable<String>> callers = java.util.Collections.nCopies(50,
					() -> source.getTokenBlocking().getTokenValue());
			for (Future<String> result : threads.invokeAll(callers)) {
				assertThat(result.get()).isEqualTo("t1");
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(received(this.zitadel)).hasSize(1);
	}

	@Test
	void tokenIsRefreshedInTheBackgroundWhileCallersKeepUsingTheCurrentOne() {
		answersInTurn(this.zitadel, token("t1", 100), token("t2", 100).withFixedDelay(2000));
		ZitadelTokenSource source = source(6);
		assertThat(tokenValue(source)).isEqualTo("t1");

		this.clock.advance(Duration.ofSeconds(85));
		for (int i = 0; i < 20; i++) {
			// Far less than the 2 s the token endpoint takes: nobody waits for the refresh.
			assertThat(source.getToken().block(Duration.ofMillis(1500)).getTokenValue()).isEqualTo("t1");
		}

		await().atMost(WAIT).until(() -> "t2".equals(source.getCachedToken().getTokenValue()));
		assertThat(tokenValue(source)).isEqualTo("t2");
		assertThat(received(this.zitadel)).hasSize(2);
	}

	@Test
	void tokenIsNeverHandedOutInTheLastTenthOfItsLife() {
		answersInTurn(this.zitadel, token("t1", 100), token("t2", 100));
		ZitadelTokenSource source = source(6);
		assertThat(tokenValue(source)).isEqualTo("t1");

		this.clock.advance(Duration.ofSeconds(91));

		assertThat(tokenValue(source)).isEqualTo("t2");
	}

	@Test
	void shortLivedTokensDoNotCauseATokenRequestPerCall() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("short", 10)));
		ZitadelTokenSource source = source(6);

		for (int i = 0; i < 100; i++) {
			assertThat(tokenValue(source)).isEqualTo("short");
			this.clock.advance(Duration.ofMillis(100));
		}

		// 100 calls over 10 s of 10 s tokens: the first token, a refresh at half its life, maybe another.
		await().atMost(WAIT).untilAsserted(() -> assertThat(received(this.zitadel)).hasSizeBetween(2, 3));
	}

	@Test
	void aFailedBackgroundRefreshKeepsTheCurrentTokenAndTriesAgainLater() {
		answersInTurn(this.zitadel, token("t1", 100), aResponse().withStatus(503), token("t2", 100));
		ZitadelTokenSource source = source(1);
		assertThat(tokenValue(source)).isEqualTo("t1");

		this.clock.advance(Duration.ofSeconds(81));
		assertThat(tokenValue(source)).isEqualTo("t1");
		await().atMost(WAIT).untilAsserted(() -> assertThat(received(this.zitadel)).hasSize(2));
		assertThat(tokenValue(source)).as("still valid after the failed refresh").isEqualTo("t1");

		this.clock.advance(Duration.ofSeconds(2));
		await().atMost(WAIT).until(() -> "t2".equals(tokenValue(source)));
	}

	@Test
	void serverErrorsAndRateLimitsAreRetriedUntilZitadelRecovers() {
		answersInTurn(this.zitadel, aResponse().withStatus(500).withBody("{\"error\":\"server_error\"}"), aResponse().withStatus(503),
				aResponse().withStatus(429).withHeader("Retry-After", "1"), token("t1", 43199));

		assertThat(tokenValue(source(6))).isEqualTo("t1");

		assertThat(received(this.zitadel)).hasSize(4);
	}

	@Test
	void connectionResetsAndTimeoutsAreRetried() {
		answersInTurn(this.zitadel, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), token("late", 43199).withFixedDelay(4000),
				token("t1", 43199));

		assertThat(tokenValue(source(6))).isEqualTo("t1");

		assertThat(received(this.zitadel)).hasSize(3);
	}

	@Test
	void aRejectedAssertionEndsInTheExplanationAfterABoundedNumberOfAttempts() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(rejectedAssertion()));

		assertThatExceptionOfType(ZitadelTokenException.class).isThrownBy(() -> tokenValue(source(6)))
			.withMessageContaining("Errors.Internal")
			.withMessageContaining("Likely causes")
			.withMessageContaining("Gave up after 3 attempts");
		assertThat(received(this.zitadel)).hasSize(3);
	}

	@Test
	void aRequestZitadelRefusesForItsShapeIsNotRetried() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"invalid_request\",\"error_description\":\"The scope of your request is missing\"}")));

		assertThatExceptionOfType(ZitadelTokenException.class).isThrownBy(() -> tokenValue(source(6)))
			.withMessageContaining("invalid_request")
			.withMessageNotContaining("Gave up");
		assertThat(received(this.zitadel)).hasSize(1);
	}

	@Test
	void whileZitadelIsDownConcurrentCallersShareOneSeriesOfAttempts() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(aResponse().withStatus(503)));
		ZitadelTokenSource source = source(3);

		List<Object> outcomes = Flux.range(0, 50)
			.flatMap((i) -> source.getToken().<Object>map((t) -> t).onErrorResume((ex) -> reactor.core.publisher.Mono.just(ex)), 50)
			.collectList()
			.block(WAIT);

		assertThat(outcomes).hasSize(50).allSatisfy((o) -> assertThat(o).isInstanceOf(ZitadelTokenException.class));
		assertThat(received(this.zitadel)).hasSize(3);
	}

	@Test
	void aRateLimitIsRememberedSoLaterCallersFailFastWithoutAskingAgain() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
		ZitadelTokenSource source = source(1);
		assertThatExceptionOfType(ZitadelTokenException.class).isThrownBy(() -> tokenValue(source))
			.withMessageContaining("HTTP 429");

		for (int i = 0; i < 20; i++) {
			this.clock.advance(Duration.ofSeconds(1));
			assertThatExceptionOfType(ZitadelTokenCoolDownException.class).isThrownBy(source::getTokenBlocking)
				.withMessageContaining("not asked again before")
				.withMessageContaining("HTTP 429");
		}

		assertThat(received(this.zitadel)).hasSize(1);
	}

	/**
	 * A source whose scheduled refreshes run when the test moves the clock, so that no source
	 * of an earlier test asks the shared token endpoint for tokens behind this test's back.
	 */
	private ZitadelTokenSource source(int maxAttempts) {
		return new ZitadelTokenSource(this.fetcher,
				new TokenRequestRetry(maxAttempts, 3, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofSeconds(10)),
				ZitadelTokenSource.Settings.defaults(), this.clock, this.clock.scheduler());
	}

	private static String tokenValue(ZitadelTokenSource source) {
		return source.getToken().block(WAIT).getTokenValue();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
