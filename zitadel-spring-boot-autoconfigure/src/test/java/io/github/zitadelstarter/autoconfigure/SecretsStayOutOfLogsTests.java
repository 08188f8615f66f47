package io.github.zitadelstarter.autoconfigure;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.zitadelstarter.testsupport.TestServiceUser;
import io.github.zitadelstarter.token.ZitadelTokenException;
import io.github.zitadelstarter.token.ZitadelTokenSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.zitadelstarter.testsupport.TokenRequests.form;
import static io.github.zitadelstarter.testsupport.TokenRequests.received;
import static io.github.zitadelstarter.testsupport.TokenRequests.rejectedAssertion;
import static io.github.zitadelstarter.testsupport.TokenRequests.tokensInTurn;
import static io.github.zitadelstarter.testsupport.TokenRequests.tokenEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A full run with DEBUG logging for the starter, Spring Security, Spring's web stack and
 * Reactor Netty: startup, token requests, API calls, a 401 and a refused assertion. None of
 * the key, the assertions or the access tokens may appear in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = SecretsStayOutOfLogsTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "logging.level.io.github.zitadelstarter=debug", "logging.level.org.springframework.security=debug",
				"logging.level.org.springframework.web=debug", "logging.level.org.springframework.http=debug",
				"logging.level.org.springframework.core=debug", "logging.level.reactor.netty=debug",
				// The test's own ZITADEL prints what it receives; it is not part of the application.
				"logging.level.WireMock=off", "logging.level.com.github.tomakehurst=off",
				"logging.level.org.eclipse.jetty=off", "zitadel.token.retry.max-attempts=2",
				"zitadel.token.retry.initial-backoff=10ms" })
@EnableWireMock(@ConfigureWireMock(name = "zitadel", baseUrlProperties = "zitadel.issuer"))
class SecretsStayOutOfLogsTests {

	private static final TestServiceUser user = TestServiceUser.create();

	@InjectWireMock("zitadel")
	WireMockServer zitadel;

	@Autowired
	@Qualifier("zitadelWebClient")
	WebClient zitadelWebClient;

	@Autowired
	ZitadelTokenSource tokenSource;

	@DynamicPropertySource
	static void serviceUserKey(DynamicPropertyRegistry registry) {
		registry.add("zitadel.service-user.key-json", user::keyJson);
	}

	@Test
	void aFullRunAtDebugLogsNoKeyAssertionOrToken(CapturedOutput output) {
		tokensInTurn(this.zitadel, "first-access-token-value", "second-access-token-value");
		this.zitadel.stubFor(get(urlPathEqualTo("/auth/v1/users/me"))
			.withHeader("Authorization", equalTo("Bearer first-access-token-value"))
			.willReturn(aResponse().withStatus(401)));
		this.zitadel.stubFor(get(urlPathEqualTo("/auth/v1/users/me"))
			.withHeader("Authorization", equalTo("Bearer second-access-token-value"))
			.willReturn(okJson("{\"user\":{\"id\":\"1\"}}")));

		String me = this.zitadelWebClient.get().uri("/auth/v1/users/me").retrieve().bodyToMono(String.class)
			.block(Duration.ofSeconds(30));
		assertThat(me).contains("\"id\":\"1\"");

		// A second refusal right after the first would keep the token: start over instead.
		this.tokenSource.reset();
		this.zitadel.stubFor(tokenEndpoint().willReturn(rejectedAssertion()));
		assertThatExceptionOfType(ZitadelTokenException.class).isThrownBy(() -> this.tokenSource.getTokenBlocking());

		List<String> assertions = received(this.zitadel).stream().map((request) -> form(request).get("assertion")).toList();
		assertThat(assertions).hasSizeGreaterThanOrEqualTo(3);
		assertThat(output).as("DEBUG logging is on").contains("DEBUG").contains("/oauth/v2/token");
		assertThat(output).doesNotContain("first-access-token-value")
			.doesNotContain("second-access-token-value")
			.doesNotContain(user.privateKeyPemLine())
			.doesNotContain("PRIVATE KEY");
		for (String assertion : assertions) {
			assertThat(output).doesNotContain(assertion).doesNotContain(assertion.substring(assertion.lastIndexOf('.') + 1));
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
