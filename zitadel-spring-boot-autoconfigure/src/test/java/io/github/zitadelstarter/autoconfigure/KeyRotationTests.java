package io.github.zitadelstarter.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jwt.SignedJWT;
import io.github.zitadelstarter.health.ZitadelHealthIndicator;
import io.github.zitadelstarter.testsupport.TestServiceUser;
import io.github.zitadelstarter.token.ZitadelTokenSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.wiremock.spring.ConfigureWireMock;
import org.wiremock.spring.EnableWireMock;
import org.wiremock.spring.InjectWireMock;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;

import static io.github.zitadelstarter.testsupport.TokenRequests.form;
import static io.github.zitadelstarter.testsupport.TokenRequests.received;
import static io.github.zitadelstarter.testsupport.TokenRequests.token;
import static io.github.zitadelstarter.testsupport.TokenRequests.tokenEndpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A key file replaced under a running application, as a Kubernetes secret update or an
 * operator does: a new key of the same service user is used for the next token without a
 * restart; a replacement that cannot be used leaves the key in use alone and shows in health.
 */
@SpringBootTest(classes = KeyRotationTests.NoApp.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@EnableWireMock(@ConfigureWireMock(name = "zitadel"))
@ExtendWith(OutputCaptureExtension.class)
class KeyRotationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final TestServiceUser oldKey = TestServiceUser.create();

	private static final TestServiceUser newKey = TestServiceUser.create();

	@InjectWireMock("zitadel")
	WireMockServer zitadel;

	@TempDir
	Path dir;

	@Test
	void aReplacedKeyFileIsUsedForTheNextTokenAndABadReplacementIsShownButNotUsed(CapturedOutput output)
			throws Exception {
		this.zitadel.stubFor(tokenEndpoint().willReturn(token("t", 43199)));
		Path keyFile = this.dir.resolve("key.json");
		Files.writeString(keyFile, oldKey.keyJson());
		runner(keyFile).run((context) -> {
			ZitadelTokenSource tokenSource = context.getBean(ZitadelTokenSource.class);
			tokenSource.getTokenBlocking();
			assertThat(lastAssertion().getHeader().getKeyID()).isEqualTo(TestServiceUser.KEY_ID);

			replace(keyFile, newKey.keyJson("rotated-key", TestServiceUser.USER_ID, inAYear()));
			await().atMost(WAIT).untilAsserted(() -> assertThat(health(context).getDetails())
				.containsEntry("keyId", "rotated-key"));
			tokenSource.reset();
			tokenSource.getTokenBlocking();
			SignedJWT assertion = lastAssertion();
			assertThat(assertion.getHeader().getKeyID()).isEqualTo("rotated-key");
			assertThat(assertion.verify(newKey.verifier())).isTrue();

			replace(keyFile, newKey.keyJson("someone-elses-key", "300000000000000099", inAYear()));
			await().atMost(WAIT).untilAsserted(() -> assertThat(health(context).getDetails())
				.containsEntry("keyId", "rotated-key")
				.hasEntrySatisfying("keyFileProblem", (problem) -> assertThat((String) problem)
					.contains("holds key someone-elses-key of service user 300000000000000099")));
			tokenSource.reset();
			tokenSource.getTokenBlocking();
			assertThat(lastAssertion().getHeader().getKeyID()).isEqualTo("rotated-key");
		});
		assertThat(output).contains("now using key rotated-key of service user " + TestServiceUser.USER_ID)
			.contains("changed and cannot be used, so key rotated-key")
			.doesNotContain(oldKey.privateKeyPemLine())
			.doesNotContain(newKey.privateKeyPemLine());
	}

	private ApplicationContextRunner runner(Path keyFile) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ZitadelAutoConfiguration.class,
					ZitadelHealthContributorAutoConfiguration.class))
			.withPropertyValues("zitadel.issuer=" + this.zitadel.baseUrl(),
					"zitadel.service-user.key-file=file:" + keyFile,
					"zitadel.service-user.key-file-check-interval=100ms", "zitadel.health.max-age=1h");
	}

	/** Written aside and moved into place, as an atomic secret update is. */
	private void replace(Path keyFile, String json) throws Exception {
		Path next = Files.writeString(this.dir.resolve("next.json"), json);
		Files.move(next, keyFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	private SignedJWT lastAssertion() throws Exception {
		List<com.github.tomakehurst.wiremock.verification.LoggedRequest> requests = received(this.zitadel);
		return SignedJWT.parse(form(requests.get(requests.size() - 1)).get("assertion"));
	}

	private static Health health(ApplicationContext context) {
		return context.getBean(ZitadelHealthIndicator.class).health().block(WAIT);
	}

	private static Instant inAYear() {
		return Instant.now().plus(Duration.ofDays(365));
	}

	@SpringBootConfiguration
	static class NoApp {

	}

}
