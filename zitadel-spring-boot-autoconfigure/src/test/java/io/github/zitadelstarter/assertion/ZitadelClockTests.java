package io.github.zitadelstarter.assertion;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.zitadelstarter.autoconfigure.ZitadelAutoConfiguration;
import io.github.zitadelstarter.autoconfigure.ZitadelHealthContributorAutoConfiguration;
import io.github.zitadelstarter.autoconfigure.ZitadelObservationAutoConfiguration;
import io.github.zitadelstarter.autoconfigure.ZitadelWebClientAutoConfiguration;
import io.github.zitadelstarter.health.ZitadelHealthIndicator;
import io.github.zitadelstarter.observation.ZitadelTokenMetrics;
import io.github.zitadelstarter.testsupport.TestServiceUser;
import io.github.zitadelstarter.token.ZitadelTokenSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.reactive.function.client.WebClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static io.github.zitadelstarter.testsupport.TokenRequests.form;
import static io.github.zitadelstarter.testsupport.TokenRequests.received;
import static io.github.zitadelstarter.testsupport.TokenRequests.token;
import static io.github.zitadelstarter.testsupport.TokenRequests.tokenEndpoint;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A machine whose clock runs a minute ahead of ZITADEL's: the first assertion is rejected as
 * ZITADEL rejects it, ZITADEL's {@code Date} header tells the offset, and the next attempt,
 * dated by ZITADEL's clock, is accepted, without a change of configuration.
 */
@SpringBootTest(classes = ZitadelClockTests.NoApp.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@EnableWireMock(@ConfigureWireMock(name = "zitadel"))
@ExtendWith(OutputCaptureExtension.class)
class ZitadelClockTests {

	private static final TestServiceUser user = TestServiceUser.create();

	/** How far ZITADEL's clock is behind this machine's. */
	private static final Duration BEHIND = Duration.ofMinutes(1);

	@InjectWireMock("zitadel")
	WireMockServer zitadel;

	@Test
	void aClockAMinuteAheadOfZitadelsIsCorrectedFromTheDateHeaderAndReported(CapturedOutput output) {
		for (boolean reactive : new boolean[] { true, false }) {
			this.zitadel.resetAll();
			zitadelWithASlowClock();
			ApplicationContextRunner runner = new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(ZitadelAutoConfiguration.class,
						ZitadelWebClientAutoConfiguration.class, ZitadelHealthContributorAutoConfiguration.class,
						ZitadelObservationAutoConfiguration.class))
				.withPropertyValues("zitadel.issuer=" + this.zitadel.baseUrl(),
						"zitadel.service-user.key-json=" + user.keyJson(), "zitadel.token.retry.initial-backoff=10ms");
			if (!reactive) {
				runner = runner.withClassLoader(new FilteredClassLoader(WebClient.class));
			}
			runner.run((context) -> {
				assertThat(context.getBean(ZitadelTokenSource.class).getTokenBlocking().getTokenValue())
					.isEqualTo("accepted");
				Health health = context.getBean(ZitadelHealthIndicator.class).health().block(Duration.ofSeconds(30));
				assertThat(health.getDetails()).hasEntrySatisfying("clockOffset",
						(offset) -> assertThat(Duration.parse((String) offset)).isBetween(BEHIND.negated().minusSeconds(3),
								BEHIND.negated().plusSeconds(3)));
				SimpleMeterRegistry registry = new SimpleMeterRegistry();
				context.getBean(ZitadelTokenMetrics.class).bindTo(registry);
				assertThat(registry.get("zitadel.clock.offset").gauge().value()).isBetween(-63.0, -57.0);
			});
			assertThat(received(this.zitadel)).as("one rejected, one accepted").hasSize(2);
		}
		assertThat(output).contains("This machine's clock is 6").contains(" s ahead of ZITADEL's (read from the Date "
				+ "header of its answers). Assertions are dated by ZITADEL's clock from now on.");
	}

	/**
	 * A token endpoint whose clock is a minute behind: its Date header says so, and it
	 * rejects an assertion issued more than a second in its future with ZITADEL's
	 * {@code 500 Errors.Internal}.
	 */
	private void zitadelWithASlowClock() {
		// The Date of each answer, by a clock a minute behind.
		String date = "{{now offset='-1 minutes' timezone='GMT' format='EEE, dd MMM yyyy HH:mm:ss z'}}";
		this.zitadel.stubFor(tokenEndpoint().atPriority(5)
			.willReturn(aResponse().withStatus(500)
				.withHeader("Date", date)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":\"server_error\",\"error_description\":\"Errors.Internal\"}")
				.withTransformers("response-template")));
		this.zitadel.stubFor(tokenEndpoint().atPriority(1)
			.andMatching(ZitadelClockTests::assertionWithinZitadelsClock)
			.willReturn(token("accepted", 43199).withHeader("Date", date).withTransformers("response-template")));
	}

	private static MatchResult assertionWithinZitadelsClock(Request request) {
		Instant zitadelNow = Instant.now().minus(BEHIND);
		try {
			JWTClaimsSet claims = SignedJWT.parse(form(request).get("assertion")).getJWTClaimsSet();
			return MatchResult.of(!claims.getIssueTime().toInstant().isAfter(zitadelNow.plusSeconds(1))
					&& claims.getExpirationTime().toInstant().isAfter(zitadelNow.plusSeconds(1)));
		}
		catch (ParseException | RuntimeException ex) {
			return MatchResult.noMatch();
		}
	}

	@SpringBootConfiguration
	static class NoApp {

	}

}
