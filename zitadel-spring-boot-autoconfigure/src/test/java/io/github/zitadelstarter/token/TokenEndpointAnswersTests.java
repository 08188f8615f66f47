package io.github.zitadelstarter.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.zitadelstarter.autoconfigure.ZitadelAutoConfiguration;
import io.github.zitadelstarter.testsupport.TestServiceUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static io.github.zitadelstarter.testsupport.TokenRequests.received;
import static io.github.zitadelstarter.testsupport.TokenRequests.tokenEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * What the starter makes of token endpoint answers that are not a usable token, as a proxy or
 * a misconfigured server gives them, on the reactive and the blocking path alike: each is
 * explained, none is retried as if it were a network fault, and none takes a trickling
 * answer's time.
 */
@SpringBootTest(classes = TokenEndpointAnswersTests.NoApp.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@EnableWireMock(@ConfigureWireMock(name = "zitadel"))
@ExtendWith(OutputCaptureExtension.class)
class TokenEndpointAnswersTests {

	private static final TestServiceUser user = TestServiceUser.create();

	@InjectWireMock("zitadel")
	WireMockServer zitadel;

	@Test
	void aTokenTypeOtherThanBearerIsRefusedWithItsNameAndNotRetried() {
		answering(okJson("{\"access_token\":\"x\",\"token_type\":\"DPoP\",\"expires_in\":43199}"),
				(failure) -> assertThat(failure).hasMessageContaining("token_type 'DPoP' is not supported")
					.hasMessageNotContaining("did not answer"));
	}

	@Test
	void anHtmlPageInsteadOfATokenSaysWhatCameBackAndIsNotRetried() {
		answering(aResponse().withStatus(200)
			.withHeader("Content-Type", "text/html")
			.withBody("<!DOCTYPE html><html><title>Corporate proxy: please log in</title></html>"),
				(failure) -> assertThat(failure).hasMessageContaining("HTTP 200 with content type text/html, starting "
						+ "'<!DOCTYPE html><html><title>Corporate proxy: please log in</title></html>' instead of a token "
						+ "response")
					.hasMessageContaining("check zitadel.issuer"));
	}

	@Test
	void anErrorPageOfAProxySaysWhatCameBack() {
		answering(aResponse().withStatus(403).withHeader("Content-Type", "text/html").withBody("<h1>Forbidden</h1>"),
				(failure) -> assertThat(failure).hasMessageContaining(
						"HTTP 403 without an OAuth2 error body (content type text/html, starting '<h1>Forbidden</h1>')"));
	}

	@Test
	void aHugeErrorPageOfAProxyIsReadOnlyAsFarAsItsExplanationNeeds() {
		answering(aResponse().withStatus(403)
			.withHeader("Content-Type", "text/html")
			.withBody("<h1>Forbidden</h1>" + "<p>padding</p>".repeat(100_000)),
				(failure) -> assertThat(failure).hasMessageContaining(
						"HTTP 403 without an OAuth2 error body (content type text/html, starting '<h1>Forbidden</h1>"));
	}

	@Test
	void aTokenAnswerWithoutExpiresInGetsTheDefaultLifetimeAndOneWarning(CapturedOutput output) {
		for (String answer : new String[] { "{\"access_token\":\"a\",\"token_type\":\"Bearer\"}",
				"{\"access_token\":\"b\",\"token_type\":\"Bearer\",\"expires_in\":0}",
				"{\"access_token\":\"c\",\"token_type\":\"bearer\",\"expires_in\":-5}" }) {
			this.zitadel.resetAll();
			this.zitadel.stubFor(tokenEndpoint().willReturn(okJson(answer)));
			for (ApplicationContextRunner runner : runners()) {
				runner.withPropertyValues("zitadel.token.default-lifetime=7m").run((context) -> {
					OAuth2AccessToken token = context.getBean(ZitadelTokenSource.class).getTokenBlocking();
					assertThat(token.getExpiresAt()).isCloseTo(Instant.now().plus(Duration.ofMinutes(7)),
							within(Duration.ofSeconds(30)));
					// A second caller uses the same token: no request per call.
					assertThat(context.getBean(ZitadelTokenSource.class).getTokenBlocking()).isSameAs(token);
				});
			}
			assertThat(received(this.zitadel)).hasSize(2);
		}
		assertThat(output).contains("ZITADEL's token response has no usable expires_in (was null); its tokens are "
				+ "taken to live 420s (zitadel.token.default-lifetime)");
	}

	@Test
	void aTricklingAnswerIsCutOffByTheRequestDeadline() {
		this.zitadel.stubFor(tokenEndpoint().willReturn(okJson("{\"access_token\":\"slow\",\"token_type\":\"Bearer\","
				+ "\"expires_in\":43199,\"padding\":\"" + "x".repeat(200) + "\"}")
			.withChunkedDribbleDelay(200, 60_000)));
		for (ApplicationContextRunner runner : runners()) {
			runner.withPropertyValues("zitadel.token.timeout=1s", "zitadel.token.read-timeout=5s").run((context) -> {
				long start = System.nanoTime();
				assertThatExceptionOfType(ZitadelTokenException.class)
					.isThrownBy(() -> source(context.getBean(AccessTokenFetcher.class)).getTokenBlocking())
					.withMessageContaining("no complete answer within 1000 ms (zitadel.token.timeout)");
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
			});
		}
	}

	private void answering(ResponseDefinitionBuilder answer, Consumer<Throwable> explanation) {
		this.zitadel.stubFor(tokenEndpoint().willReturn(answer));
		for (ApplicationContextRunner runner : runners()) {
			runner.run((context) -> {
				ZitadelTokenSource source = source(context.getBean(AccessTokenFetcher.class));
				Throwable failure = null;
				try {
					source.getTokenBlocking();
				}
				catch (ZitadelTokenException ex) {
					failure = ex;
				}
				assertThat(failure).isNotNull();
				explanation.accept(failure);
			});
		}
		assertThat(received(this.zitadel)).as("one request each for the reactive and the blocking path, no retry")
			.hasSize(2);
	}

	/** A token source that would retry a network fault at once, many times. */
	private static ZitadelTokenSource source(AccessTokenFetcher fetcher) {
		return new ZitadelTokenSource(fetcher,
				new TokenRequestRetry(6, 3, Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofSeconds(10)),
				Clock.systemUTC());
	}

	/** The reactive and the blocking token path. */
	private ApplicationContextRunner[] runners() {
		ApplicationContextRunner reactive = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ZitadelAutoConfiguration.class))
			.withPropertyValues("zitadel.issuer=" + this.zitadel.baseUrl(),
					"zitadel.service-user.key-json=" + user.keyJson());
		return new ApplicationContextRunner[] { reactive,
				reactive.withClassLoader(new FilteredClassLoader(WebClient.class)) };
	}

	@SpringBootConfiguration
	static class NoApp {

	}

}
