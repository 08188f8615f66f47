package io.github.zitadelstarter.api;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.zitadelstarter.api.user.GetUserByIDRequest;
import io.github.zitadelstarter.api.user.ReactiveUserServiceClient;
import io.github.zitadelstarter.api.user.UserServiceClient;
import io.github.zitadelstarter.testsupport.TestServiceUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.zitadelstarter.testsupport.TokenRequests.token;
import static io.github.zitadelstarter.testsupport.TokenRequests.tokenEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Error answers as the typed clients that an application injects meet them, blocking and
 * reactive, from a ZITADEL on WireMock or whatever stands in front of it: a rate limit keeps
 * its {@code Retry-After}, a proxy's page of megabytes is read only as far as the message
 * needs, and the access token never reaches a message.
 */
// The JDK's client, as in a servlet application without another HTTP client. Apache HttpClient
// (on this class path through WireMock) answers a 429 or 503 itself: it sleeps for the
// Retry-After and sends the request once more before the application sees the answer. And it
// reads the rest of a body when the response is closed.
@SpringBootTest(classes = ZitadelApiErrorAnswersTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "spring.http.clients.imperative.factory=jdk")
@EnableWireMock(@ConfigureWireMock(name = "zitadel", baseUrlProperties = "zitadel.issuer"))
// Closed when done rather than at the end of the run, where each context that uses Reactor
// Netty's global resources takes seconds to close and surefire allows the JVM 30 s to exit.
@DirtiesContext
class ZitadelApiErrorAnswersTests {

	private static final TestServiceUser user = TestServiceUser.create();

	private static final String ACCESS_TOKEN = "api-token-7d1e5b0c9a";

	private static final String GET_USER = "/zitadel.user.v2.UserService/GetUserByID";

	private static final Duration WAIT = Duration.ofSeconds(10);

	@InjectWireMock("zitadel")
	WireMockServer zitadel;

	@Autowired
	UserServiceClient users;

	@Autowired
	ReactiveUserServiceClient reactiveUsers;

	@DynamicPropertySource
	static void serviceUserKey(DynamicPropertyRegistry registry) {
		registry.add("zitadel.service-user.key-json", user::keyJson);
	}

	@BeforeEach
	void tokens() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token(ACCESS_TOKEN, 43199)));
	}

	@Test
	void aRateLimitKeepsItsRetryAfterInSeconds() {
		answer(aResponse().withStatus(429)
			.withHeader("Retry-After", "7")
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":\"resource_exhausted\",\"message\":\"quota exceeded (QUOTA-B8Nkx)\"}"));

		bothClientsFail((ex) -> {
			assertThat(ex.getStatusCode()).isEqualTo(429);
			assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.RESOURCE_EXHAUSTED);
			assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(7));
			assertThat(ex).hasMessage("zitadel.user.v2.UserService/GetUserByID failed with resource_exhausted: "
					+ "quota exceeded (QUOTA-B8Nkx) (Retry-After: 7s)");
		});
	}

	@Test
	void aRateLimitKeepsItsRetryAfterAsAnHttpDate() {
		Instant date = Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
		answer(aResponse().withStatus(429)
			.withHeader("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(date.atZone(ZoneOffset.UTC))));

		bothClientsFail((ex) -> {
			assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.UNAVAILABLE);
			// The delay from when the answer was read to the date; this check comes a moment later.
			assertThat(Instant.now().plus(ex.getRetryAfter())).isBetween(date, date.plusSeconds(3));
		});
	}

	@Test
	void anAnswerWithoutRetryAfterHasNone() {
		answer(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
			.withBody("{\"code\":\"unavailable\",\"message\":\"try later\"}"));

		bothClientsFail((ex) -> assertThat(ex.getRetryAfter()).isNull());
	}

	@Test
	void aProxysPageOfMegabytesIsReadOnlyAsFarAsTheMessageNeeds() {
		// 4 MB that would take half a minute to arrive.
		String page = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>"
				+ "<p>upstream unreachable</p>".repeat(4 * 1024 * 1024 / 26) + "</body></html>";
		answer(aResponse().withStatus(502)
			.withHeader("Content-Type", "text/html")
			.withBody(page)
			.withChunkedDribbleDelay(40, 30_000));

		bothClientsFail((ex) -> {
			assertThat(ex.getCode()).isEqualTo(ZitadelErrorCode.UNAVAILABLE);
			assertThat(ex.getZitadelMessage())
				.startsWith("HTTP 502 without a Connect error (<!DOCTYPE html><html><head><title>502 Bad Gateway")
				.endsWith("...)")
				.hasSizeLessThan(300);
			assertThat(ex.getMessage()).hasSizeLessThan(400);
		});
	}

	@Test
	void anAnswerThatRepeatsTheAccessTokenDoesNotPutItInTheMessage() {
		answer(aResponse().withStatus(502)
			.withHeader("Content-Type", "text/plain")
			.withBody("upstream error; request was POST " + GET_USER + " with Authorization: Bearer " + ACCESS_TOKEN));
		bothClientsFail((ex) -> assertThat(ex).hasMessage("zitadel.user.v2.UserService/GetUserByID failed with "
				+ "unavailable: HTTP 502 without a Connect error (body not shown: it holds the access token)"));

		answer(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":\"invalid_argument\",\"message\":\"token " + ACCESS_TOKEN + " is malformed\"}"));
		bothClientsFail((ex) -> assertThat(ex).hasMessage("zitadel.user.v2.UserService/GetUserByID failed with "
				+ "invalid_argument: token [access token] is malformed"));
	}

	private void answer(ResponseDefinitionBuilder answer) {
		this.zitadel.stubFor(post(urlPathEqualTo(GET_USER)).willReturn(answer));
	}

	/** Calls GetUserByID through the blocking and the reactive client; each fails as the test says. */
	private void bothClientsFail(Consumer<ZitadelApiException> failure) {
		GetUserByIDRequest request = GetUserByIDRequest.of("300000000000000099");
		assertTimeoutPreemptively(WAIT, () -> assertThatExceptionOfType(ZitadelApiException.class)
			.isThrownBy(() -> this.users.getUserByID(request))
			.satisfies(failure));
		StepVerifier.create(this.reactiveUsers.getUserByID(request))
			.expectErrorSatisfies((error) -> assertThat(error).isInstanceOfSatisfying(ZitadelApiException.class,
					failure))
			.verify(WAIT);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
