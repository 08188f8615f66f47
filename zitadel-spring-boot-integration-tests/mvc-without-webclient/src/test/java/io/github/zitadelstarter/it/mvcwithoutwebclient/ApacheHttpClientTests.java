package io.github.zitadelstarter.it.mvcwithoutwebclient;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.zitadelstarter.api.ZitadelApiException;
import io.github.zitadelstarter.api.user.GetUserByIDRequest;
import io.github.zitadelstarter.api.user.UserServiceClient;
import io.github.zitadelstarter.testsupport.TestServiceUser;
import io.github.zitadelstarter.token.ZitadelTokenCoolDownException;
import io.github.zitadelstarter.token.ZitadelTokenException;
import org.junit.jupiter.api.Test;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.zitadelstarter.testsupport.TokenRequests.received;
import static io.github.zitadelstarter.testsupport.TokenRequests.token;
import static io.github.zitadelstarter.testsupport.TokenRequests.tokenEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * With Apache HttpClient 5 on the class path, Boot's builders make the starter's clients on it.
 * Its default retry strategy answers a 429 or 503 by sleeping the whole {@code Retry-After} and
 * asking again, out of sight: the starter's clients turn that off, so that ZITADEL's answer
 * reaches the token source (which remembers it) and the caller (who decides).
 */
@SpringBootTest
@DirtiesContext(classMode = ClassMode.AFTER_EACH_TEST_METHOD) // each test starts without a token
@EnableWireMock(@ConfigureWireMock(name = "zitadel", baseUrlProperties = "zitadel.issuer"))
class ApacheHttpClientTests {

	private static final TestServiceUser user = TestServiceUser.create();

	@InjectWireMock("zitadel")
	WireMockServer zitadel;

	@Autowired
	UserServiceClient users;

	@DynamicPropertySource
	static void serviceUserKey(DynamicPropertyRegistry registry) {
		registry.add("zitadel.service-user.key-json", user::keyJson);
	}

	@Test
	void aTokenRequestAnswered429IsRememberedAndNotRepeatedBehindTheTokenSourcesBack() throws Exception {
		this.zitadel.stubFor(tokenEndpoint().willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

		Throwable first = call();
		Throwable second = call();

		assertThat(first).isInstanceOf(ZitadelTokenException.class).hasMessageContaining("429");
		// the failure was remembered with its Retry-After: an answer ZITADEL gave, not a wait that timed out
		assertThat(second).isInstanceOf(ZitadelTokenCoolDownException.class);
		assertThat(received(this.zitadel)).hasSize(1);
	}

	@Test
	void anApiCallAnswered503ReachesTheCallerWithItsRetryAfter() throws Exception {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("apache-token", 43199)));
		this.zitadel.stubFor(post(urlPathEqualTo("/zitadel.user.v2.UserService/GetUserByID"))
			.willReturn(aResponse().withStatus(503)
				.withHeader("Retry-After", "3600")
				.withHeader("Content-Type", "application/json")
				.withBody("{\"code\":\"unavailable\",\"message\":\"maintenance\"}")));

		Throwable failure = call();

		assertThat(failure).isInstanceOfSatisfying(ZitadelApiException.class,
				(ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofHours(1)));
		this.zitadel.verify(1, postRequestedFor(urlPathEqualTo("/zitadel.user.v2.UserService/GetUserByID")));
	}

	/** Calls ZITADEL through the typed client; a hidden retry would sleep an hour, so it is cut short. */
	private Throwable call() throws Exception {
		return CompletableFuture.supplyAsync(() -> catchThrowable(() -> this.users.getUserByID(GetUserByIDRequest.of("123"))))
			.get(60, TimeUnit.SECONDS);
	}

}
