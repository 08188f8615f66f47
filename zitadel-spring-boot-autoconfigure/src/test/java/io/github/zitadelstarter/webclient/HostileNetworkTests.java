package io.github.zitadelstarter.webclient;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.zitadelstarter.testsupport.MutableClock;
import io.github.zitadelstarter.testsupport.TestServiceUser;
import io.github.zitadelstarter.token.AccessTokenFetcher;
import io.github.zitadelstarter.token.TokenRequestRetry;
import io.github.zitadelstarter.token.ZitadelOrigins;
import io.github.zitadelstarter.token.ZitadelRequestHeaders;
import io.github.zitadelstarter.token.ZitadelTokenSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.zitadelstarter.testsupport.TokenRequests.received;
import static io.github.zitadelstarter.testsupport.TokenRequests.token;
import static io.github.zitadelstarter.testsupport.TokenRequests.tokenEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code WebClient} with the starter's filter and token source, against a ZITADEL on
 * WireMock that misbehaves as real networks do, with callers arriving over time as a clock
 * that the test moves says: however long the trouble lasts, ZITADEL gets a handful of token
 * requests, not one per call.
 */
@SpringBootTest(classes = HostileNetworkTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@EnableWireMock(@ConfigureWireMock(name = "zitadel", baseUrlProperties = "zitadel.issuer"))
class HostileNetworkTests {

	private static final TestServiceUser user = TestServiceUser.create();

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final String ME = "/auth/v1/users/me";

	@InjectWireMock("zitadel")
	WireMockServer zitadel;

	@Autowired
	AccessTokenFetcher fetcher;

	private final MutableClock clock = new MutableClock();

	private WebClient webClient;

	@DynamicPropertySource
	static void serviceUserKey(DynamicPropertyRegistry registry) {
		registry.add("zitadel.service-user.key-json", user::keyJson);
	}

	@BeforeEach
	void client() {
		ZitadelTokenSource tokenSource = new ZitadelTokenSource(this.fetcher,
				new TokenRequestRetry(3, 3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(5)),
				ZitadelTokenSource.Settings.defaults(), this.clock, this.clock.scheduler());
		ZitadelExchangeFilterFunction filter = new ZitadelExchangeFilterFunction(tokenSource,
				new ZitadelRequestHeaders(null), new ZitadelOrigins(URI.create(this.zitadel.baseUrl()), List.of()));
		this.webClient = WebClient.builder().baseUrl(this.zitadel.baseUrl()).filter(filter).build();
		this.zitadel.stubFor(get(urlPathEqualTo(ME)).willReturn(okJson("{}")));
	}

	@Test
	void aRateLimitWithAnHttpDateRetryAfterCausesOneTokenRequestForAHundredCalls() {
		String inAnHour = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(this.clock.instant().plus(Duration.ofHours(1)).atZone(ZoneOffset.UTC));
		this.zitadel.stubFor(tokenEndpoint().willReturn(aResponse().withStatus(429).withHeader("Retry-After", inAnHour)));

		assertThat(callsOverTenSeconds(100, 1)).containsOnly(false);
		assertThat(received(this.zitadel)).hasSize(1);
	}

	@Test
	void aStandingRefusalCausesAHandfulOfTokenRequestsForAHundredCalls() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":\"invalid_grant\",\"error_description\":\"assertion invalid\"}")));

		assertThat(callsOverTenSeconds(100, 1)).containsOnly(false);
		// Cool-downs of 2, 4 and 8 s: at 0, 2 and 6 s.
		assertThat(received(this.zitadel)).hasSizeBetween(2, 4);
	}

	@Test
	void anApiThatRefusesEveryTokenCausesAHandfulOfTokenRequestsAndTheCallersGetThe401() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("refused-every-time", 43199)));
		this.zitadel.stubFor(get(urlPathEqualTo(ME)).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":16,\"message\":\"Errors.Token.Invalid\"}")));

		List<Boolean> results = callsOverTenSeconds(10, 20);

		assertThat(results).hasSize(200).containsOnly(false);
		assertThat(received(this.zitadel)).hasSizeBetween(2, 6);
		assertThat(this.zitadel.findAll(getRequestedFor(urlPathEqualTo(ME)))).hasSizeLessThan(2 * 200);
	}

	@Test
	void aBriefOutageOfTheTokenEndpointAtRefreshTimeReachesNoCaller() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("twenty-seconds", 20)));
		assertThat(call()).isTrue();
		// From 9 s to 17 s the token endpoint is down; the token is refreshed from 10 s and
		// handed out until 18 s.
		this.clock.advance(Duration.ofSeconds(9));
		this.zitadel.stubFor(tokenEndpoint().willReturn(aResponse().withStatus(503)));
		for (int i = 0; i < 80; i++) {
			assertThat(call()).as("call at %d ms", 9000 + i * 100).isTrue();
			this.clock.advance(Duration.ofMillis(100));
		}
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("next", 20)));
		for (int i = 0; i < 20; i++) {
			assertThat(call()).as("call at %d ms", 17000 + i * 100).isTrue();
			this.clock.advance(Duration.ofMillis(100));
		}
		assertThat(this.zitadel.findAll(getRequestedFor(urlPathEqualTo(ME)))).extracting((r) -> r.getHeader("Authorization"))
			.endsWith("Bearer next");
	}

	/** {@code perSecond} rounds of {@code concurrent} calls each, a tenth of a second apart. */
	private List<Boolean> callsOverTenSeconds(int rounds, int concurrent) {
		List<Boolean> results = new java.util.ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			results.addAll(Flux.range(0, concurrent).flatMap((i) -> this.webClient.get()
				.uri(ME)
				.retrieve()
				.toBodilessEntity()
				.map((ok) -> true)
				.onErrorReturn(false), concurrent).collectList().block(WAIT));
			this.clock.advance(Duration.ofMillis(10_000 / rounds));
		}
		return results;
	}

	private boolean call() {
		return this.webClient.get().uri(ME).retrieve().toBodilessEntity().map((ok) -> true).onErrorReturn(false).block(WAIT);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
